package main

import (
	"bytes"
	"crypto/x509"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/certlife/certlife/tz"
)

// FuzzContractFile feeds arbitrary contract files to load and report: no
// panic, and a file that loads is judged without error or gives an input
// error, never a half-made report.
func FuzzContractFile(f *testing.F) {
	f.Add(sampleContract)
	f.Add([]byte(`{"id":"C-1","start":"2026-04-01","end":"2027-03-31"}`))
	f.Add([]byte(`{"id":"C-1","start":"2027-04-01","end":"2027-03-31"}`))
	f.Add([]byte(`{"id":"C-1","start":"2026-04-01","end":"2027-03-31","service_end":"2029-06-30","service_extended_at":"2028-01-01"}`))
	at := time.Date(2026, 6, 1, 12, 0, 0, 0, tz.JST)
	cert, _ := x509.ParseCertificate(mustPEM(sampleCert))
	f.Fuzz(func(t *testing.T, data []byte) {
		j, _, err := load(data)
		if err != nil {
			if err.File != "" || err.Found == "" || strings.Contains(err.Error(), "json:") {
				t.Fatalf("load error %q: want the file's own words, without encoding/json's", err)
			}
			return
		}
		r, rerr := j.report("fuzz", cert, at)
		if (r == nil) == (rerr == nil) {
			t.Fatalf("report = %v, %v: want exactly one", r, rerr)
		}
	})
}

// TestFuzzCorpus checks that the seed corpus in testdata/fuzz is there.
func TestFuzzCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("testdata", "fuzz", "FuzzContractFile", "*"))
	if len(files) == 0 {
		t.Fatal("no seed corpus in testdata/fuzz/FuzzContractFile")
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil || !bytes.HasPrefix(b, []byte("go test fuzz v1\n")) {
			t.Errorf("%s: not a go test fuzz v1 file (%v)", f, err)
		}
	}
}
