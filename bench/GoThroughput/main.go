// Command gothroughput measures Baidu's own Go SDK (github.com/baidubce/bce-sdk-go) calling ListInstances against a
// loopback server, with N goroutines for D seconds, and prints the calls per second and the process CPU time per call;
// with 0 seconds it makes one call (a fresh process's first call, which run.sh times). run.sh runs it beside the .NET
// clients on the same server; CI does not run it because it needs Go and a copy of the SDK.
package main

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/baidubce/bce-sdk-go/services/bcc"
	"github.com/baidubce/bce-sdk-go/services/bcc/api"
)

func main() {
	if len(os.Args) != 6 {
		fmt.Fprintln(os.Stderr, "usage: gothroughput <endpoint> <ak> <sk> <concurrency> <seconds>")
		os.Exit(2)
	}
	concurrency, _ := strconv.Atoi(os.Args[4])
	seconds, _ := strconv.Atoi(os.Args[5])
	client, err := bcc.NewClient(os.Args[2], os.Args[3], os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	client.Config.ConnectionTimeoutInMillis = 10000
	if seconds == 0 {
		if result, err := client.ListInstances(&api.ListInstanceArgs{MaxKeys: 1000}); err != nil || len(result.Instances) != 1 {
			fmt.Fprintln(os.Stderr, "the call failed:", err)
			os.Exit(1)
		}
		return
	}

	cpuBefore := cpuTime()
	started := time.Now()
	var calls, failures int64
	deadline := time.Now().Add(time.Duration(seconds) * time.Second)
	var wg sync.WaitGroup
	for w := 0; w < concurrency; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(deadline) {
				result, err := client.ListInstances(&api.ListInstanceArgs{MaxKeys: 1000})
				if err != nil || len(result.Instances) != 1 {
					atomic.AddInt64(&failures, 1)
					continue
				}
				atomic.AddInt64(&calls, 1)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(started).Seconds()
	fmt.Printf("go-sdk concurrency=%d calls=%d failures=%d req/s=%.0f cpu/call=%.0fus\n", concurrency, calls, failures,
		float64(calls)/elapsed, float64((cpuTime()-cpuBefore).Microseconds())/float64(calls))
}

// cpuTime is the process's user and system CPU time so far.
func cpuTime() time.Duration {
	var usage syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &usage)
	return time.Duration(usage.Utime.Nano() + usage.Stime.Nano())
}
