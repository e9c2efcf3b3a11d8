package main

import (
	"bufio"
	"bytes"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"github.com/certlife/certlife/examples/internal/cli"
	"io"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestJSONLines checks that every line of -json output is a JSON object
// with the documented fields, and that its strings decode to what the
// certificate holds.
func TestJSONLines(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"-json", "-tz", "CET", "-expires-within", "30d", "-at", "2026-01-01", "testdata/tv6.pem"},
		strings.NewReader(""), &stdout, &stderr)
	if code != cli.ExitNegative || stderr.Len() > 0 {
		t.Fatalf("exit %d, stderr %q; want exit 1 and no stderr", code, stderr.String())
	}
	want := []string{"at", "encoding", "expires_within", "index", "input", "issuer", "length_days", "length_seconds",
		"limit", "not_after", "not_after_jst", "not_after_zone", "not_before", "not_before_jst", "not_before_zone",
		"remaining_seconds", "serial", "status", "subject", "zone"}
	sc := bufio.NewScanner(&stdout)
	n := 0
	for sc.Scan() {
		n++
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line %d: %v\n%s", n, err, sc.Bytes())
		}
		var got []string
		for k := range m {
			got = append(got, k)
		}
		slices.Sort(got)
		if d := cmp.Diff(want, got); d != "" {
			t.Errorf("line %d fields (-want +got):\n%s", n, d)
		}
	}
	if n != 8 {
		t.Errorf("%d lines, want 8", n)
	}
}

// TestAppendJSONString checks the JSON string writer against
// encoding/json.
func TestAppendJSONString(t *testing.T) {
	for _, s := range []string{"", "CN=a,O=b", `q"b\s`, "tab\tnl\ncr\r\x00\x1f", "日本語", "\xff\xfe", "\u2028\u2029", "<&>"} {
		var got any
		if err := json.Unmarshal(appendJSONString(nil, s), &got); err != nil {
			t.Errorf("%q: %v", s, err)
			continue
		}
		var want any
		b, _ := json.Marshal(s)
		json.Unmarshal(b, &want)
		if got != want {
			t.Errorf("%q round trip = %q, want %q", s, got, want)
		}
	}
}

// TestAppendName checks the raw distinguished-name writer against
// pkix.Name.String on certificates whose names are in Go's order.
func TestAppendName(t *testing.T) {
	for _, file := range []string{"testdata/sample.pem", "testdata/tv6.pem"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for p, rest := pem.Decode(data); p != nil; p, rest = pem.Decode(rest) {
			c, err := x509.ParseCertificate(p.Bytes)
			if err != nil {
				t.Fatal(err)
			}
			if got, ok := appendRawName(nil, c.RawSubject); !ok || string(got) != c.Subject.String() {
				t.Errorf("appendRawName = %q, %v; want %q", got, ok, c.Subject.String())
			}
		}
	}
	// Escaping, a multi-valued RDN and an attribute without a short name.
	name := []byte{0x30, 0x2a,
		0x31, 0x1a, // SET
		0x30, 0x0b, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x04, ' ', 'a', ',', 'b', // CN=" a,b"
		0x30, 0x0b, 0x06, 0x03, 0x55, 0x04, 0x0a, 0x13, 0x04, '#', 'o', '+', ' ', // O="#o+ "
		0x31, 0x0c, 0x30, 0x0a, 0x06, 0x03, 0x2a, 0x03, 0x04, 0x13, 0x03, 'x', 'y', 'z', // 1.2.3.4=xyz
	}
	got, ok := appendRawName(nil, name)
	if want := `1.2.3.4=#130378797a,CN=\ a\,b+O=\#o\+\ `; !ok || string(got) != want {
		t.Errorf("appendRawName = %q, %v; want %q", got, ok, want)
	}
	if _, ok := appendRawName(nil, name[:10]); ok {
		t.Error("appendRawName accepted a truncated name")
	}
}

// TestStreamLongLines checks that lines longer than the reader's buffer
// are read whole.
func TestStreamLongLines(t *testing.T) {
	long := strings.Repeat("x", 200<<10) + "\n"
	in := long + string(sample) + long
	code := run([]string{"-at", "2012-06-01T00:00:00Z", "-"}, strings.NewReader(in), io.Discard, io.Discard)
	if code != cli.ExitOK {
		t.Errorf("exit %d, want 0", code)
	}
}
