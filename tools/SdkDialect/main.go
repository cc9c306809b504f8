// Command sdkdialect records the requests Baidu's Go SDK (github.com/baidubce/bce-sdk-go) sends for every exported
// method of its BCC client. Each method is called once, its arguments filled by reflection with sample values named
// after the members they fill, against a loopback server of its own that answers every request with 200 and "{}".
// The recordings (method, path, query with flag form, JSON body) are written as JSON to the file named; record.sh
// runs it and SdkDialectTests replays them through IBccClient.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"reflect"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/baidubce/bce-sdk-go/services/bcc"
)

type queryPart struct {
	Name  string  `json:"name"`
	Value *string `json:"value"`
}

type request struct {
	Method string          `json:"method"`
	Path   string          `json:"path"`
	Query  []queryPart     `json:"query"`
	Body   json.RawMessage `json:"body,omitempty"`
	Text   string          `json:"text,omitempty"`
}

type call struct {
	Method   string    `json:"sdkMethod"`
	Error    string    `json:"error,omitempty"`
	Requests []request `json:"requests"`
}

type recorder struct {
	mu       sync.Mutex
	requests []request
}

func (r *recorder) ServeHTTP(w http.ResponseWriter, req *http.Request) {
	body, _ := io.ReadAll(req.Body)
	rec := request{Method: req.Method, Path: req.URL.EscapedPath(), Query: []queryPart{}}
	if req.URL.RawQuery != "" {
		for _, part := range strings.Split(req.URL.RawQuery, "&") {
			name, value, valued := strings.Cut(part, "=")
			name, _ = url.QueryUnescape(name)
			q := queryPart{Name: name}
			if valued {
				value, _ = url.QueryUnescape(value)
				q.Value = &value
			}
			rec.Query = append(rec.Query, q)
		}
	}
	if len(body) > 0 {
		if json.Valid(body) {
			rec.Body = body
		} else {
			rec.Text = string(body)
		}
	}
	r.mu.Lock()
	r.requests = append(r.requests, rec)
	r.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	w.Write([]byte("{}"))
}

// fixedSamples are the members whose value the SDK checks before sending.
var fixedSamples = map[string]string{
	"imageType": "custom", // ListImage filters by name only for custom images
}

// sample fills a value of type t; name is the JSON member (or argument) it fills.
func sample(t reflect.Type, name string, depth int) reflect.Value {
	v := reflect.New(t).Elem()
	switch t.Kind() {
	case reflect.String:
		lower := strings.ToLower(name)
		if fixed, ok := fixedSamples[name]; ok {
			v.SetString(fixed)
		} else if strings.HasSuffix(lower, "time") || strings.HasSuffix(lower, "date") {
			v.SetString("2026-12-04T08:00:00Z")
		} else {
			v.SetString(name + "-v")
		}
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(1)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(1)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(1.5)
	case reflect.Ptr:
		if depth < 4 {
			v.Set(sample(t.Elem(), name, depth+1).Addr())
		}
	case reflect.Slice:
		if depth < 4 {
			v.Set(reflect.Append(v, sample(t.Elem(), name, depth+1)))
		}
	case reflect.Map:
		if depth < 4 && t.Key().Kind() == reflect.String {
			v.Set(reflect.MakeMap(t))
			v.SetMapIndex(reflect.ValueOf(name+"-k").Convert(t.Key()), sample(t.Elem(), name, depth+1))
		}
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			field := t.Field(i)
			if field.PkgPath != "" {
				continue
			}
			member := strings.Split(field.Tag.Get("json"), ",")[0]
			if member == "" || member == "-" {
				member = strings.ToLower(field.Name[:1]) + field.Name[1:]
			}
			v.Field(i).Set(sample(field.Type, member, depth+1))
		}
	}
	return v
}

func record(method reflect.Method, ak, sk string) call {
	rec := &recorder{}
	server := httptest.NewServer(rec)
	defer server.Close()
	client, err := bcc.NewClient(ak, sk, server.URL)
	if err != nil {
		return call{Method: method.Name, Error: err.Error()}
	}
	client.Config.ConnectionTimeoutInMillis = 5000
	fn := reflect.ValueOf(client).MethodByName(method.Name)
	args := make([]reflect.Value, fn.Type().NumIn())
	for i := range args {
		args[i] = sample(fn.Type().In(i), fmt.Sprintf("arg%d", i), 0)
	}
	result := call{Method: method.Name}
	done := make(chan []reflect.Value, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				result.Error = fmt.Sprint("panic: ", p)
				done <- nil
			}
		}()
		done <- fn.Call(args)
	}()
	select {
	case out := <-done:
		for _, o := range out {
			if e, ok := o.Interface().(error); ok && e != nil && result.Error == "" {
				result.Error = e.Error()
			}
		}
	case <-time.After(10 * time.Second):
		result.Error = "no answer within 10 s"
	}
	rec.mu.Lock()
	result.Requests = append([]request{}, rec.requests...)
	rec.mu.Unlock()
	return result
}

func main() {
	ak, sk := "ak-dialect", "0123456789abcdef0123456789abcdef"
	clientType := reflect.TypeOf(&bcc.Client{})
	var calls []call
	for i := 0; i < clientType.NumMethod(); i++ {
		calls = append(calls, record(clientType.Method(i), ak, sk))
	}
	sort.Slice(calls, func(a, b int) bool { return calls[a].Method < calls[b].Method })
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: sdkdialect <output file> <bce-sdk-go commit>")
		os.Exit(2)
	}
	file, err := os.Create(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer file.Close()
	out := json.NewEncoder(file)
	out.SetIndent("", " ")
	out.SetEscapeHTML(false)
	recording := map[string]interface{}{"sdk": "bce-sdk-go", "commit": os.Args[2], "recordedBy": "tools/SdkDialect/record.sh", "calls": calls}
	if err := out.Encode(recording); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
