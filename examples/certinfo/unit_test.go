package main

import (
	"bufio"
	"bytes"
	"crypto/x509"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/certlife/certlife/examples/internal/cli"
	"github.com/certlife/certlife/examples/internal/clitest"
	"github.com/certlife/certlife/validity"

	"github.com/google/go-cmp/cmp"
)

// TestJSONLines checks that every line of -json output is a JSON object
// with the documented fields, and that its strings decode to what the
// certificate holds.
func TestJSONLines(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"-json", "-tz", "CET", "-expires-within", "30d", "-at", "2026-01-01", "testdata/tv6.pem"},
		strings.NewReader(""), &stdout, &stderr, cli.Env{})
	if code != cli.ExitNegative || stderr.Len() > 0 {
		t.Fatalf("exit %d, stderr %q; want exit 1 and no stderr", code, stderr.String())
	}
	want := []string{"at", "basic_constraints", "client_auth", "encoding", "expires_within", "ext_key_usage", "index", "input", "issuer",
		"key_usage", "length_days", "length_seconds", "limit", "not_after", "not_after_jst", "not_after_zone", "not_before",
		"not_before_jst", "not_before_zone", "public_key", "record", "remaining_seconds", "sans", "serial",
		"sha256_fingerprint", "signature_algorithm", "status", "subject", "zone"}
	sc := bufio.NewScanner(&stdout)
	n := 0
	for sc.Scan() {
		n++
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("line %d: %v\n%s", n, err, sc.Bytes())
		}
		if m["record"] == "summary" {
			n--
			if m["certificates"] != 8.0 {
				t.Errorf("summary %v: want 8 certificates", m)
			}
			continue
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

// TestLongLines checks the line limit of PEM text (64 KiB): lines up to
// it are read whole, a longer one stops the input with an error that says
// so, in bounded memory.
func TestLongLines(t *testing.T) {
	for _, c := range []struct {
		name string
		line int
		exit int
	}{
		{"a line of 60 KiB is read", 60 << 10, cli.ExitOK},
		{"a line of 65 KiB is refused", 65 << 10, cli.ExitError},
	} {
		t.Run(c.name, func(t *testing.T) {
			long := strings.Repeat("x", c.line) + "\n"
			var stderr strings.Builder
			code := run([]string{"-at", "2012-06-01T00:00:00Z", "-"}, strings.NewReader(long+string(sample)+long), io.Discard, &stderr, cli.Env{})
			if code != c.exit {
				t.Errorf("exit %d, want %d; stderr %q", code, c.exit, stderr.String())
			}
			if c.exit == cli.ExitError && !strings.Contains(stderr.String(), "line 1: a line longer than 64 KiB") {
				t.Errorf("stderr %q does not name the line limit", stderr.String())
			}
		})
	}
}

// failWriter fails every write after the first n bytes, as a full disk
// does.
type failWriter struct {
	n, writes int
}

func (w *failWriter) Write(p []byte) (int, error) {
	w.writes++
	if len(p) <= w.n {
		w.n -= len(p)
		return len(p), nil
	}
	n := w.n
	w.n = 0
	return n, errors.New("write /dev/stdout: no space left on device")
}

// TestWriteErrorStops checks that certinfo stops at the first failed
// write (a full disk) with exit 2 and one error line, instead of going on
// through the input with an error per certificate.
func TestWriteErrorStops(t *testing.T) {
	data := bundlePEM(t, 600)
	clitest.InZones(t, func(t *testing.T) { testWriteErrorStops(t, data) })
}

func testWriteErrorStops(t *testing.T, data []byte) {
	for _, args := range [][]string{{"-at", "2025-06-01T00:00:00Z", "-"}, {"-json", "-at", "2025-06-01T00:00:00Z", "-"}} {
		w := &failWriter{n: 100 << 10}
		in := bytes.NewReader(data)
		var stderr strings.Builder
		code := run(args, in, w, &stderr, cli.Env{})
		if code != cli.ExitError || stderr.String() != "certinfo: writing output: write /dev/stdout: no space left on device\n" {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and one line", args, code, stderr.String())
		}
		if in.Len() == 0 {
			t.Errorf("%v: read the whole input after the write failed", args)
		}
		if w.writes > 3 {
			t.Errorf("%v: %d writes; want none after the failed one", args, w.writes)
		}
	}
}

// TestEndlessInput feeds certinfo endless inputs: each stops with one
// error line and exit 2, having read little more than a limit.
func TestEndlessInput(t *testing.T) {
	clitest.CheckEndless(t, run, []clitest.EndlessCase{
		{Name: "zeros, as /dev/zero", Args: []string{"-at", "2025-06-01T00:00:00Z", "-"}, Pattern: "\x00", Max: 64 << 10,
			Stderr: "certinfo: -: line 1: binary data that is not DER (a NUL byte in the text) (want PEM or DER certificates, PKCS#7 or PKCS#12)\n"},
		{Name: "no newline", Args: []string{"-at", "2025-06-01T00:00:00Z", "-"}, Pattern: "A", Max: 64 << 10,
			Stderr: "certinfo: -: line 1: a line longer than 64 KiB (want PEM text)\n"},
		{Name: "yes", Args: []string{"-max-input", "64K", "-at", "2025-06-01T00:00:00Z", "-"}, Pattern: "y\n", Max: 1<<20 + 1,
			Stderr: "certinfo: -: line 32769: more input than the 64 KiB one run reads (want at most 64 KiB in all, or a larger -max-input)\n"},
		{Name: "a DER element that never ends", Args: []string{"-at", "2025-06-01T00:00:00Z", "-"}, Pattern: "\x30\x83\x7f\xff\xff", Max: 64 << 10,
			Stderr: "certinfo: -: byte 0: a DER element of 8388612 bytes, larger than 8 MiB\n"},
	})
}

// TestClientAuthBan holds certinfo's text about the clientAuth ban to
// package validity: CheckClientAuth passes a successor issued a nanosecond
// before clientAuthBan, warns from that instant on, and names the same
// source.
func TestClientAuthBan(t *testing.T) {
	ban, err := time.Parse(time.RFC3339, clientAuthBan)
	if err != nil {
		t.Fatal(err)
	}
	c, err := x509.ParseCertificate(certDER(t, 1, "mtls.example.jp", ban.AddDate(0, -6, 0), ban.AddDate(0, 1, 0), false,
		x509.ExtKeyUsageServerAuth, x509.ExtKeyUsageClientAuth))
	if err != nil {
		t.Fatal(err)
	}
	before, _ := validity.CheckClientAuth(c, ban.Add(-time.Nanosecond))
	at, _ := validity.CheckClientAuth(c, ban)
	if before.Outcome != validity.OutcomePass || at.Outcome != validity.OutcomeWarning {
		t.Errorf("CheckClientAuth at %s - 1ns: %v; at %s: %v; want pass, then warning", clientAuthBan, before, clientAuthBan, at)
	}
	if !strings.Contains(at.String(), "("+clientAuthSource+")") {
		t.Errorf("the warning %q does not cite %q", at.String(), clientAuthSource)
	}
}
