// Command gosdkflow drives Baidu's own Go SDK (github.com/baidubce/bce-sdk-go) through a broad BCC flow against a
// BCC endpoint, normally tools/BccEmulator.Host, then calls every other method of its BCC client once (sweep.go), and
// reports every call. It is a manual check of the emulator's
// dialect (run.sh sets it up); CI does not run it because it needs Go and a copy of the SDK.
package main

import (
	"fmt"
	"os"
	"time"

	"github.com/baidubce/bce-sdk-go/model"
	"github.com/baidubce/bce-sdk-go/services/bcc"
	"github.com/baidubce/bce-sdk-go/services/bcc/api"
	"github.com/baidubce/bce-sdk-go/services/sts"
)

var passed, failed int

func step(name string, err error) bool {
	if err != nil {
		failed++
		fmt.Printf("FAIL %-28s %v\n", name, err)
		return false
	}
	passed++
	fmt.Printf("ok   %s\n", name)
	return true
}

func refused(name string, err error) {
	if err == nil {
		failed++
		fmt.Printf("FAIL %-28s succeeded where BCC refuses\n", name)
		return
	}
	passed++
	fmt.Printf("ok   %s (refused as BCC does: %v)\n", name, err)
}

func waitFor(name string, status func() (string, error), want string) {
	var got string
	var err error
	for i := 0; i < 60; i++ {
		if got, err = status(); err == nil && got == want {
			break
		}
		time.Sleep(500 * time.Millisecond)
	}
	if err == nil && got != want {
		err = fmt.Errorf("status %s, want %s", got, want)
	}
	step(name, err)
}

// instanceStatusOf reads an instance's status, for waitFor.
func instanceStatusOf(client *bcc.Client, id string) func() (string, error) {
	return func() (string, error) {
		detail, err := client.GetInstanceDetail(id)
		if err != nil {
			return "", err
		}
		return string(detail.Instance.Status), nil
	}
}

// volumeStatusOf reads a volume's status, for waitFor.
func volumeStatusOf(client *bcc.Client, id string) func() (string, error) {
	return func() (string, error) {
		detail, err := client.GetCDSVolumeDetail(id)
		if err != nil {
			return "", err
		}
		return string(detail.Volume.Status), nil
	}
}

func main() {
	if len(os.Args) != 5 {
		fmt.Println("usage: gosdkflow <endpoint host:port> <access key id> <secret access key> <file for the operations reached>")
		os.Exit(2)
	}
	endpoint, ak, sk := os.Args[1], os.Args[2], os.Args[3]

	stsClient, _ := sts.NewStsClient(ak, sk, endpoint)
	token, err := stsClient.GetSessionToken(3600, "")
	if !step("sts.GetSessionToken", err) {
		os.Exit(1)
	}
	// Every BCC call goes through a proxy that records each answer's status and the operation the emulator names.
	rec := &recorder{}
	proxied := rec.start(endpoint)
	client, _ := bcc.NewClient(token.AccessKeyId, token.SecretAccessKey, proxied)
	client.Config.Credentials.SessionToken = token.SessionToken

	_, err = client.ListZone()
	step("ListZone", err)

	deploySet, err := client.CreateDeploySet(&api.CreateDeploySetArgs{Strategy: "HOST_HA", Name: "go-flow"})
	step("CreateDeploySet", err)
	group, err := client.CreateSecurityGroup(&api.CreateSecurityGroupArgs{Name: "go-flow", Rules: []api.SecurityGroupRuleModel{{Direction: "ingress", Protocol: "tcp", PortRange: "22", SourceIp: "0.0.0.0/0"}}})
	step("CreateSecurityGroup", err)
	keypair, err := client.CreateKeypair(&api.CreateKeypairArgs{Name: "go-flow"})
	step("CreateKeypair", err)

	created, err := client.CreateInstanceBySpec(&api.CreateInstanceBySpecArgs{
		ImageId: "m-ubuntu2204", Spec: "bcc.g5.c2m8", ZoneName: "cn-bj-a", Name: "go-flow",
		Billing: api.Billing{PaymentTiming: api.PaymentTimingPostPaid}, SecurityGroupId: group.SecurityGroupId,
		KeypairId: keypair.Keypair.KeypairId, DeployIdList: []string{deploySet.DeploySetId},
		Tags: []model.TagModel{{TagKey: "flow", TagValue: "go"}}})
	if !step("CreateInstanceBySpec", err) {
		os.Exit(1)
	}
	instance := created.InstanceIds[0]
	instanceStatus := instanceStatusOf(client, instance)
	waitFor("GetInstanceDetail (Running)", instanceStatus, "Running")
	_, err = client.ListInstances(&api.ListInstanceArgs{ZoneName: "cn-bj-a"})
	step("ListInstances", err)
	_, err = client.GetDeploySet(deploySet.DeploySetId)
	step("GetDeploySet", err)

	volumes, err := client.CreateCDSVolume(&api.CreateCDSVolumeArgs{CdsSizeInGB: 50, ZoneName: "cn-bj-a", Billing: &api.Billing{PaymentTiming: api.PaymentTimingPostPaid}})
	if !step("CreateCDSVolume", err) {
		os.Exit(1)
	}
	volume := volumes.VolumeIds[0]
	volumeStatus := volumeStatusOf(client, volume)
	waitFor("GetCDSVolumeDetail (Available)", volumeStatus, "Available")
	_, err = client.AttachCDSVolume(volume, &api.AttachVolumeArgs{InstanceId: instance})
	step("AttachCDSVolume", err)
	waitFor("GetCDSVolumeDetail (InUse)", volumeStatus, "InUse")
	_, err = client.ListCDSVolume(&api.ListCDSVolumeArgs{InstanceId: instance})
	step("ListCDSVolume", err)
	_, err = client.ResizeCDSVolume(volume, &api.ResizeCSDVolumeArgs{NewCdsSizeInGB: 60})
	step("ResizeCDSVolume", err)
	waitFor("GetCDSVolumeDetail (resized)", volumeStatus, "InUse")

	snapshot, err := client.CreateSnapshot(&api.CreateSnapshotArgs{VolumeId: volume, SnapshotName: "go-flow"})
	step("CreateSnapshot", err)
	_, err = client.ListSnapshot(&api.ListSnapshotArgs{VolumeId: volume})
	step("ListSnapshot", err)
	_, err = client.GetSnapshotDetail(snapshot.SnapshotId)
	step("GetSnapshotDetail", err)

	image, err := client.CreateImage(&api.CreateImageArgs{InstanceId: instance, ImageName: "go-flow"})
	step("CreateImage", err)
	_, err = client.ListImage(&api.ListImageArgs{})
	step("ListImage", err)
	_, err = client.GetImageDetail(image.ImageId)
	step("GetImageDetail", err)
	waitFor("GetInstanceDetail (image taken)", instanceStatus, "Running")

	step("AuthorizeSecurityGroupRule", client.AuthorizeSecurityGroupRule(group.SecurityGroupId, &api.AuthorizeSecurityGroupArgs{Rule: &api.SecurityGroupRuleModel{Direction: "ingress", Protocol: "tcp", PortRange: "443", SourceIp: "0.0.0.0/0"}}))
	_, err = client.ListSecurityGroup(&api.ListSecurityGroupArgs{InstanceId: instance})
	step("ListSecurityGroup", err)
	_, err = client.ListKeypairs(&api.ListKeypairArgs{})
	step("ListKeypairs", err)
	_, err = client.GetKeypairDetail(keypair.Keypair.KeypairId)
	step("GetKeypairDetail", err)
	step("RenameKeypair", client.RenameKeypair(&api.RenameKeypairArgs{KeypairId: keypair.Keypair.KeypairId, Name: "go-flow-2"}))

	refused("DeleteDeploySet (in use)", client.DeleteDeploySet(deploySet.DeploySetId))
	refused("DeleteSecurityGroup (in use)", client.DeleteSecurityGroup(group.SecurityGroupId))

	step("StopInstance", client.StopInstance(instance, false))
	waitFor("GetInstanceDetail (Stopped)", instanceStatus, "Stopped")
	step("StartInstance", client.StartInstance(instance))
	waitFor("GetInstanceDetail (Running again)", instanceStatus, "Running")
	_, err = client.RebootInstance(instance, false)
	step("RebootInstance", err)
	waitFor("GetInstanceDetail (rebooted)", instanceStatus, "Running")
	step("ModifyInstanceAttribute", client.ModifyInstanceAttribute(instance, &api.ModifyInstanceAttributeArgs{Name: "go-flow-renamed"}))

	step("DetachCDSVolume", client.DetachCDSVolume(volume, &api.DetachVolumeArgs{InstanceId: instance}))
	waitFor("GetCDSVolumeDetail (detached)", volumeStatus, "Available")
	step("DeleteSnapshot", client.DeleteSnapshot(snapshot.SnapshotId))
	step("DeleteImage", client.DeleteImage(image.ImageId))
	step("DeleteCDSVolume", client.DeleteCDSVolume(volume))
	step("DeleteInstance", client.DeleteInstance(instance))
	step("DeleteDeploySet", client.DeleteDeploySet(deploySet.DeploySetId))
	step("DeleteKeypair", client.DeleteKeypair(&api.DeleteKeypairArgs{KeypairId: keypair.Keypair.KeypairId}))
	step("DeleteSecurityGroup", client.DeleteSecurityGroup(group.SecurityGroupId))

	// Then every method of the SDK's BCC client once.
	failed += sweep(client, rec, prepare(client))
	rec.covered(os.Args[4])

	fmt.Printf("%d passed, %d failed\n", passed, failed)
	if failed > 0 {
		os.Exit(1)
	}
}
