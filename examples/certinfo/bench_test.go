package main

import (
	"bytes"
	"crypto/x509"
	"encoding/pem"
	"flag"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"testing"

	"github.com/certlife/certlife/examples/internal/cli"
)

// bundle10k is a PEM bundle of 10,000 certificates, generated once.
var bundle10k = sync.OnceValue(func() []byte { return bundlePEM(nil, 10000) })

// BenchmarkCertinfo runs certinfo over 10,000 certificates; compare it
// with BenchmarkFloor, which only decodes and parses them.
func BenchmarkCertinfo(b *testing.B) {
	for _, mode := range []struct {
		name string
		args []string
	}{
		{"text", []string{"-at", "2025-06-01T00:00:00Z", "-"}},
		{"json", []string{"-json", "-at", "2025-06-01T00:00:00Z", "-"}},
	} {
		b.Run(mode.name, func(b *testing.B) {
			data := bundle10k()
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if code := run(mode.args, bytes.NewReader(data), io.Discard, io.Discard, cli.Env{}); code != cli.ExitOK {
					b.Fatalf("exit %d", code)
				}
			}
		})
	}
}

// BenchmarkFloor is the least any tool must do for the same bundle: PEM
// decoding and x509.ParseCertificate.
func BenchmarkFloor(b *testing.B) {
	data := bundle10k()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		rest := data
		for {
			var p *pem.Block
			p, rest = pem.Decode(rest)
			if p == nil {
				break
			}
			if _, err := x509.ParseCertificate(p.Bytes); err != nil {
				b.Fatal(err)
			}
		}
	}
}

var writeBundle = flag.String("write-bundle", "", "write a PEM bundle of -bundle-size certificates to this file and exit")
var bundleSize = flag.Int("bundle-size", 10000, "certificates in the -write-bundle bundle")

// TestWriteBundle writes a large bundle for measuring peak memory of the
// built binary with /usr/bin/time -v:
//
//	go test -run TestWriteBundle -write-bundle /tmp/100k.pem -bundle-size 100000
func TestWriteBundle(t *testing.T) {
	if *writeBundle == "" {
		t.Skip("no -write-bundle")
	}
	if err := os.WriteFile(*writeBundle, bundlePEM(t, *bundleSize), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestStreamingMemory checks that certinfo's heap does not grow with the
// bundle: the live heap, measured after a forced collection every few
// writes, is about the same for 500 and 4,000 certificates (one
// certificate repeated, so that making the bundle costs nothing).
//
// It measures what is live, not the peak of HeapInuse: the peak counts
// garbage not yet collected, which depends on when the collector happens
// to run, and made this test fail on a loaded machine. The peak memory of
// the binary is measured by examples/rss.sh.
func TestStreamingMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	dir := t.TempDir()
	one := bundlePEM(t, 1)
	live := func(n int) (max uint64, samples int) {
		// The bundle goes to a file, so that the test holds none of it.
		path := filepath.Join(dir, strconv.Itoa(n)+".pem")
		if err := os.WriteFile(path, bytes.Repeat(one, n), 0o644); err != nil {
			t.Fatal(err)
		}
		var ms runtime.MemStats
		w := &sampler{every: 1, sample: func() {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			max = maxOf(max, ms.HeapAlloc)
			samples++
		}}
		if code := run([]string{"-json", "-at", "2025-06-01T00:00:00Z", path}, nil, w, io.Discard, cli.Env{}); code != cli.ExitOK {
			t.Fatalf("exit %d", code)
		}
		return max, samples
	}
	small, ns := live(500)
	large, nl := live(4000)
	t.Logf("largest live heap: 500 certificates %d KiB (%d samples); 4,000 certificates %d KiB (%d samples)",
		small/1024, ns, large/1024, nl)
	if ns == 0 || nl < 4*ns {
		t.Fatalf("sampled %d and %d times: the test no longer sees certinfo write", ns, nl)
	}
	// A heap that held the bundle would need about 2.7 MiB more for 4,000
	// certificates as text, and over 10 MiB as parsed certificates.
	if large > small+1<<20 {
		t.Errorf("heap grows with the bundle: %d live bytes for 500 certificates, %d for 4,000", small, large)
	}
}

// sampler is an io.Writer that calls sample every so many writes (certinfo
// writes in 64 KiB chunks).
type sampler struct {
	n, every int
	sample   func()
}

func (s *sampler) Write(p []byte) (int, error) {
	s.n++
	if s.n%s.every == 0 {
		s.sample()
	}
	return len(p), nil
}

func maxOf(a, b uint64) uint64 {
	if a > b {
		return a
	}
	return b
}
