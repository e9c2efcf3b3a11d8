package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/certlife/certlife/examples/internal/cli"
)

// FuzzRun feeds arbitrary input to certinfo -json: it must not panic, must
// exit 0 or 2, must print valid JSON, one object a line, and must print
// each error on one line prefixed "certinfo: ".
func FuzzRun(f *testing.F) {
	f.Add(sample)
	f.Add(derOf(f, sample))
	f.Add([]byte("-----BEGIN CERTIFICATE-----\nMAMCAQA=\n-----END CERTIFICATE-----\n"))
	f.Add([]byte("-----BEGIN CERTIFICATE-----\n"))
	f.Add([]byte{0x30, 0x03, 0x02, 0x01, 0x03})
	f.Fuzz(func(t *testing.T, data []byte) {
		var stdout, stderr bytes.Buffer
		code := run([]string{"-json", "-at", "2012-06-01T00:00:00Z", "-"}, bytes.NewReader(data), &stdout, &stderr, cli.Env{})
		if code != cli.ExitOK && code != cli.ExitError {
			t.Fatalf("exit %d", code)
		}
		sc := bufio.NewScanner(&stdout)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			if !json.Valid(sc.Bytes()) {
				t.Fatalf("invalid JSON line: %q", sc.Bytes())
			}
		}
		for _, line := range strings.Split(strings.TrimSuffix(stderr.String(), "\n"), "\n") {
			if line != "" && !strings.HasPrefix(line, "certinfo: ") {
				t.Fatalf("stderr line without prefix: %q", line)
			}
		}
	})
}

// TestFuzzCorpus checks that the seed corpora in testdata/fuzz are there,
// so that the fuzzers do not start from nothing.
func TestFuzzCorpus(t *testing.T) {
	for _, name := range []string{"FuzzRun"} {
		files, _ := filepath.Glob(filepath.Join("testdata", "fuzz", name, "*"))
		if len(files) == 0 {
			t.Errorf("no seed corpus in testdata/fuzz/%s", name)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil || !bytes.HasPrefix(b, []byte("go test fuzz v1\n")) {
				t.Errorf("%s: not a go test fuzz v1 file (%v)", f, err)
			}
		}
	}
}
