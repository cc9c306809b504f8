package main

// The sweep calls every BCC method of the Go SDK's client once, with arguments filled by name from live resources,
// through a recording proxy, and sorts what happened: answered (2xx read by the SDK), refused (4xx), not modelled
// (501), emulator fault (5xx), answer not read, or not sent (the SDK refused the arguments itself).

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"reflect"
	"sort"
	"strings"
	"sync"

	"github.com/baidubce/bce-sdk-go/bce"
	"github.com/baidubce/bce-sdk-go/services/bcc"
	"github.com/baidubce/bce-sdk-go/services/bcc/api"
)

// recorder is a reverse proxy in front of the endpoint that keeps the status of every answer.
type recorder struct {
	mu         sync.Mutex
	statuses   []int
	operations map[string]bool // as the emulator names them (x-bcc-emulator-operation)
}

func (r *recorder) start(endpoint string) string {
	target, _ := url.Parse("http://" + endpoint)
	proxy := httputil.NewSingleHostReverseProxy(target)
	proxy.ModifyResponse = func(res *http.Response) error {
		r.mu.Lock()
		r.statuses = append(r.statuses, res.StatusCode)
		if name := res.Header.Get("x-bcc-emulator-operation"); name != "" {
			if r.operations == nil {
				r.operations = map[string]bool{}
			}
			r.operations[name] = true
		}
		r.mu.Unlock()
		return nil
	}
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	go http.Serve(listener, proxy)
	return listener.Addr().String()
}

func (r *recorder) since(mark int) []int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]int(nil), r.statuses[mark:]...)
}

// covered writes the BCC operations that answered, one per line, sorted.
func (r *recorder) covered(path string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	var names []string
	for name := range r.operations {
		names = append(names, name)
	}
	sort.Strings(names)
	if err := os.WriteFile(path, []byte(strings.Join(names, "\n")+"\n"), 0o644); err != nil {
		fmt.Println("could not write", path, err)
	}
	fmt.Printf("%d BCC operations reached, written to %s\n", len(names), path)
}

func (r *recorder) mark() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.statuses)
}

// live holds the ids of resources the sweep's arguments name.
type live map[string]string

// matcher tells whether a name contains any of some lower-case words, case aside.
func matcher(name string) func(words ...string) bool {
	n := strings.ToLower(name)
	return func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(n, w) {
				return true
			}
		}
		return false
	}
}

// idKind names the resource an id-like field or parameter refers to, or "" when it is not an id.
func idKind(name string) string {
	has := matcher(name)
	switch {
	case has("zone", "region", "spec", "flavor", "name", "type", "time", "status"):
		return ""
	case has("snapshot", "snap") && has("chain"):
		return "chain"
	case has("snapshot", "snap"):
		return "snapshot"
	case has("asp", "autosnapshotpolicy"):
		return "asp"
	case has("ehc"):
		return "ehc"
	case has("volumecluster", "clusterid"):
		return "volumeCluster"
	case has("volume", "cds"):
		return "volume"
	case has("image"):
		return "image"
	case has("ruleid"):
		return "rule"
	case has("securitygroup", "sg"):
		return "group"
	case has("keypair"):
		return "keypair"
	case has("deployset", "deployid", "deploymentset"):
		return "deploySet"
	case has("reserved"):
		return "reserved"
	case has("transfer"):
		return "transfer"
	case has("task"):
		return "task"
	case has("report"):
		return "report"
	case has("instance", "server"):
		return "instance"
	}
	return ""
}

// text fills a string by the name of the field or parameter (or, for a bare parameter, the method) it is for.
func (ids live) text(name string) string {
	n := strings.ToLower(name)
	if n == "clienttoken" || n == "marker" {
		return "" // not given: the SDK makes a token of its own, and the list starts at its beginning
	}
	if kind := idKind(name); kind != "" && ids[kind] != "" {
		return ids[kind]
	}
	has := matcher(name)
	switch {
	case has("zone"):
		return "cn-bj-a"
	case has("region"):
		return "gz"
	case n == "spec" || has("flavor", "spec"):
		return "bcc.g5.c2m8"
	case has("paymenttiming", "chargetype", "producttype"):
		return "Postpaid"
	case has("storagetype", "disktype"):
		return "cloud_hp1"
	case has("direction"):
		return "ingress"
	case has("protocol"):
		return "tcp"
	case has("portrange"):
		return "22"
	case has("ip", "cidr"):
		return "10.0.0.0/8"
	case has("time", "date"):
		return "2030-01-01T00:00:00Z"
	case has("unit"):
		return "month"
	case has("subnet"):
		return "sbn-emulator0"
	case has("vpc"):
		return "vpc-emulator0"
	case has("rolename"):
		return "BccDefaultRole"
	case has("name", "desc", "remark"):
		return "go-sweep"
	}
	return "x"
}

// learn keeps the ids an answer names (a created resource's id), for the methods after it.
func (ids live) learn(v reflect.Value, name string, depth int) {
	if depth > 4 || !v.IsValid() {
		return
	}
	switch v.Kind() {
	case reflect.Ptr, reflect.Interface:
		if !v.IsNil() {
			ids.learn(v.Elem(), name, depth+1)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if f := v.Type().Field(i); f.IsExported() {
				ids.learn(v.Field(i), f.Name, depth+1)
			}
		}
	case reflect.Slice:
		if v.Len() > 0 {
			ids.learn(v.Index(0), name, depth+1)
		}
	case reflect.String:
		if kind := idKind(name); kind != "" && ids[kind] == "" && v.String() != "" {
			ids[kind] = v.String()
		}
	}
}

// fill sets v (settable) to a plausible value for name, recursing into structs, pointers and slices.
func (ids live) fill(v reflect.Value, name string, depth int) {
	if depth > 4 {
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(ids.text(name))
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n := int64(1)
		if l := strings.ToLower(name); strings.Contains(l, "size") || strings.Contains(l, "gb") {
			n = 50
		} else if strings.Contains(l, "maxkeys") || strings.Contains(l, "pagesize") {
			n = 10
		}
		if v.Kind() >= reflect.Uint {
			v.SetUint(uint64(n))
		} else {
			v.SetInt(n)
		}
	case reflect.Float32, reflect.Float64:
		v.SetFloat(1)
	case reflect.Ptr:
		p := reflect.New(v.Type().Elem())
		ids.fill(p.Elem(), name, depth+1)
		v.Set(p)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if f := v.Type().Field(i); f.IsExported() && v.Field(i).CanSet() {
				ids.fill(v.Field(i), f.Name, depth+1)
			}
		}
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 1, 1)
		ids.fill(s.Index(0), strings.TrimSuffix(strings.TrimSuffix(name, "s"), "List"), depth+1)
		v.Set(s)
	}
}

// prepare creates the resources the sweep's arguments name: an instance with a volume attached, a snapshot, an image,
// a security group, a key pair and a deployment set.
func prepare(client *bcc.Client) live {
	ids := live{}
	set, err := client.CreateDeploySet(&api.CreateDeploySetArgs{Strategy: "HOST_HA", Name: "go-sweep"})
	if step("sweep: CreateDeploySet", err) {
		ids["deploySet"] = set.DeploySetId
	}
	group, err := client.CreateSecurityGroup(&api.CreateSecurityGroupArgs{Name: "go-sweep", Rules: []api.SecurityGroupRuleModel{{Direction: "ingress", Protocol: "tcp", PortRange: "22", SourceIp: "0.0.0.0/0"}}})
	if step("sweep: CreateSecurityGroup", err) {
		ids["group"] = group.SecurityGroupId
	}
	keypair, err := client.CreateKeypair(&api.CreateKeypairArgs{Name: "go-sweep"})
	if step("sweep: CreateKeypair", err) {
		ids["keypair"] = keypair.Keypair.KeypairId
	}
	created, err := client.CreateInstanceBySpec(&api.CreateInstanceBySpecArgs{ImageId: "m-ubuntu2204", Spec: "bcc.g5.c2m8", ZoneName: "cn-bj-a", Name: "go-sweep",
		Billing: api.Billing{PaymentTiming: api.PaymentTimingPostPaid}, SecurityGroupId: ids["group"]})
	if !step("sweep: CreateInstanceBySpec", err) {
		return ids
	}
	ids["instance"] = created.InstanceIds[0]
	waitFor("sweep: instance Running", instanceStatusOf(client, ids["instance"]), "Running")
	volumes, err := client.CreateCDSVolume(&api.CreateCDSVolumeArgs{CdsSizeInGB: 50, ZoneName: "cn-bj-a", Billing: &api.Billing{PaymentTiming: api.PaymentTimingPostPaid}})
	if !step("sweep: CreateCDSVolume", err) {
		return ids
	}
	ids["volume"] = volumes.VolumeIds[0]
	waitFor("sweep: volume Available", volumeStatusOf(client, ids["volume"]), "Available")
	if snapshot, err := client.CreateSnapshot(&api.CreateSnapshotArgs{VolumeId: ids["volume"], SnapshotName: "go-sweep"}); step("sweep: CreateSnapshot", err) {
		ids["snapshot"] = snapshot.SnapshotId
	}
	if image, err := client.CreateImage(&api.CreateImageArgs{InstanceId: ids["instance"], ImageName: "go-sweep"}); step("sweep: CreateImage", err) {
		ids["image"] = image.ImageId
	}
	// The snapshot and the image keep the volume and the instance busy for a while; the sweep wants them settled.
	waitFor("sweep: instance Running after the image", instanceStatusOf(client, ids["instance"]), "Running")
	waitFor("sweep: volume Available after the snapshot", volumeStatusOf(client, ids["volume"]), "Available")
	return ids
}

type outcome struct {
	method, kind, detail string
}

// sweep calls every BCC method of the client once and prints a line per method and the counts.
func sweep(client *bcc.Client, rec *recorder, ids live) (failures int) {
	client.Config.Retry = bce.NewNoRetryPolicy()
	promoted := map[string]bool{}
	base := reflect.TypeOf(client.BceClient)
	for i := 0; i < base.NumMethod(); i++ {
		promoted[base.Method(i).Name] = true
	}
	t := reflect.TypeOf(client)
	var names []string
	for i := 0; i < t.NumMethod(); i++ {
		if name := t.Method(i).Name; !promoted[name] {
			names = append(names, name)
		}
	}
	// Creations first, so that their ids fill the others' arguments; releases and deletions last, so that the others
	// find the resources alive.
	rank := func(name string) int {
		for _, verb := range []string{"Delete", "Release", "Refund", "Recycle", "Del", "Unbind", "Detach", "Cancel"} {
			if strings.HasPrefix(name, verb) {
				return 2
			}
		}
		if strings.Contains(name, "Delete") || strings.Contains(name, "Release") {
			return 2
		}
		if strings.HasPrefix(name, "Create") {
			return 0
		}
		return 1
	}
	sort.SliceStable(names, func(a, b int) bool { return rank(names[a]) < rank(names[b]) })

	counts := map[string]int{}
	for _, name := range names {
		o := call(client, rec, ids, name)
		counts[o.kind]++
		fmt.Printf("%-13s %-45s %s\n", o.kind, o.method, o.detail)
		if o.kind == "NOT MODELLED" || o.kind == "FAULT" || o.kind == "NOT READ" {
			failures++
		}
	}
	fmt.Printf("sweep: %d methods of the Go SDK's BCC client", len(names))
	for _, kind := range []string{"answered", "refused", "not sent", "NOT MODELLED", "FAULT", "NOT READ"} {
		fmt.Printf(", %d %s", counts[kind], kind)
	}
	fmt.Println()
	return failures
}

func call(client *bcc.Client, rec *recorder, ids live, name string) (o outcome) {
	o.method = name
	m := reflect.ValueOf(client).MethodByName(name)
	args := make([]reflect.Value, m.Type().NumIn())
	for i := range args {
		args[i] = reflect.New(m.Type().In(i)).Elem()
		ids.fill(args[i], name, 0)
	}
	mark := rec.mark()
	defer func() {
		if p := recover(); p != nil {
			o.kind, o.detail = "not sent", fmt.Sprintf("the SDK panicked on the sample arguments: %v", p)
		}
	}()
	out := m.Call(args)
	var err error
	if last := out[len(out)-1]; !last.IsNil() {
		err, _ = last.Interface().(error)
	}
	statuses := rec.since(mark)
	for _, result := range out[:len(out)-1] {
		ids.learn(result, name, 0)
	}
	var service *bce.BceServiceError
	switch {
	case len(statuses) == 0:
		o.kind, o.detail = "not sent", fmt.Sprint(err)
	case contains(statuses, 501):
		o.kind, o.detail = "NOT MODELLED", fmt.Sprint(err)
	case max(statuses) >= 500:
		o.kind, o.detail = "FAULT", fmt.Sprint(err)
	case max(statuses) < 300 && err != nil:
		o.kind, o.detail = "NOT READ", err.Error()
	case errors.As(err, &service) || max(statuses) >= 400:
		o.kind, o.detail = "refused", fmt.Sprint(err)
	default:
		o.kind, o.detail = "answered", fmt.Sprint(statuses)
	}
	return o
}

func contains(list []int, value int) bool {
	for _, v := range list {
		if v == value {
			return true
		}
	}
	return false
}

func max(list []int) int {
	m := 0
	for _, v := range list {
		if v > m {
			m = v
		}
	}
	return m
}
