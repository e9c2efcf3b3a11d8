package main

import (
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/certlife/certlife/examples/internal/clitest"
)

// A request is one client's request to the running server.
type request struct {
	client string // "go", "go without certificate" or "curl"
	path   string
}

// A session is one run of the command: its arguments, and the requests
// made while it serves. A session with requests gets -addr, -dir and,
// unless stop is set, -n len(requests); with stop, the test cancels run's
// context after the requests, as a signal would.
type session struct {
	name     string
	args     []string
	requests []request
	stop     bool
}

// TestGolden runs the command in process, drives it with real clients
// over TLS on the loopback, and compares what it printed, how it exited
// and what the clients got with testdata/golden/NAME.txt (go test -update
// rewrites them). The port and the temporary directory are replaced by
// PORT and DIR. CI runs the suite under TZ=Asia/Tokyo and
// TZ=America/Los_Angeles, so the files also show that nothing depends on
// the host's zone.
func TestGolden(t *testing.T) {
	repomd := "/el7/repodata/repomd.xml"
	sessions := []session{
		{name: "CT-2 sample in force", args: []string{"-at", "2026-06-01T12:00:00+09:00"},
			requests: []request{{"go", repomd}, {"curl", "/el7/README.txt"}, {"go", "/el7/missing.rpm"}}},
		{name: "CT-2 last second of the end date", args: []string{"-at", "2027-04-30T23:59:59+09:00"},
			requests: []request{{"curl", repomd}}},
		{name: "CT-2 refused the first second after the end date", args: []string{"-at", "2027-05-01T00:00:00+09:00"},
			requests: []request{{"curl", repomd}, {"go", repomd}}},
		{name: "CT-2 CT-4 after the service end the ended contract is still the reason", args: []string{"-at", "2028-07-01"},
			requests: []request{{"go", repomd}}},
		{name: "CT-1 no client certificate", args: []string{"-at", "2026-06-01T12:00:00+09:00"},
			requests: []request{{"go without certificate", repomd}}},
		{name: "stops on a signal", args: []string{"-at", "2026-06-01T12:00:00+09:00"},
			requests: []request{{"go", repomd}}, stop: true},
		{name: "help", args: []string{"-h"}},
		{name: "error bad at", args: []string{"-at", "2026-06-01 12:00"}},
		{name: "error unknown flag", args: []string{"-nope"}},
		{name: "error negative n", args: []string{"-n", "-1"}},
		{name: "error argument", args: []string{"sample.p12"}},
		{name: "error bad address", args: []string{"-addr", ":99999"}},
	}
	for _, s := range sessions {
		t.Run(s.name, func(t *testing.T) {
			got := s.run(t)
			clitest.Golden(t, s.name, got)
		})
	}
}

// run runs the session and returns its transcript.
func (s session) run(t *testing.T) string {
	t.Helper()
	for _, r := range s.requests {
		if r.client == "curl" {
			requireCurl(t)
		}
	}
	dir := t.TempDir()
	args := s.args
	if len(s.requests) > 0 {
		args = append([]string{"-addr", "127.0.0.1:0", "-dir", dir}, args...)
		if !s.stop {
			args = append(args, "-n", strconv.Itoa(len(s.requests)))
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stdout, stderr := newLines(), newLines()
	exit := make(chan int, 1)
	go func() { exit <- run(ctx, args, strings.NewReader(""), stdout, stderr) }()

	var replies strings.Builder
	if len(s.requests) > 0 {
		// The banner ends with the curl command: wait for all of it.
		base := stdout.waitFor(t, regexp.MustCompile(`curl --cacert .* (https://127\.0\.0\.1:\d+)/el7/repodata/repomd\.xml\n`), exit)
		for _, r := range s.requests {
			code, body := r.do(t, base, dir)
			fmt.Fprintf(&replies, "%s %s (%s): %d\n%s", "GET", r.path, r.client, code, body)
		}
		if s.stop {
			cancel()
		}
	}
	var code int
	select {
	case code = <-exit:
	case <-time.After(30 * time.Second):
		cancel()
		t.Fatalf("run did not return; stdout so far:\n%s", stdout)
	}

	var b strings.Builder
	b.WriteString("$ " + name)
	for _, a := range s.args {
		if strings.ContainsAny(a, " ") {
			a = strconv.Quote(a)
		}
		b.WriteString(" " + a)
	}
	fmt.Fprintf(&b, "\nexit %d\n-- stdout --\n%s-- stderr --\n%s", code, stdout, stderr)
	if len(s.requests) > 0 {
		b.WriteString("-- requests --\n" + replies.String())
	}
	text := strings.ReplaceAll(b.String(), dir, "DIR")
	text = regexp.MustCompile(`127\.0\.0\.1:\d+`).ReplaceAllString(text, "127.0.0.1:PORT")
	return text
}

func requireCurl(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("curl"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("curl is required under CI=true: %v", err)
		}
		t.Skipf("curl not found (%v); install it to run this case", err)
	}
}

// do makes the request with the files the command wrote into dir, and
// returns the status and the body.
func (r request) do(t *testing.T, base, dir string) (int, string) {
	t.Helper()
	url := base + r.path
	if r.client == "curl" {
		cmd := exec.Command("curl", "--silent", "--show-error", "--noproxy", "*", "--max-time", "10",
			"--cacert", filepath.Join(dir, "ca.pem"), "--cert", filepath.Join(dir, "client.pem"),
			"--key", filepath.Join(dir, "client-key.pem"), "--write-out", "\n%{http_code}", url)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("curl: %v: %s", err, stderr.String())
		}
		s := string(out)
		i := strings.LastIndexByte(s, '\n')
		code, _ := strconv.Atoi(s[i+1:])
		return code, s[:i]
	}
	pool := x509.NewCertPool()
	caPEM, err := os.ReadFile(filepath.Join(dir, "ca.pem"))
	if err != nil {
		t.Fatal(err)
	}
	pool.AppendCertsFromPEM(caPEM)
	cfg := &tls.Config{RootCAs: pool}
	if r.client == "go" {
		cert, err := tls.LoadX509KeyPair(filepath.Join(dir, "client.pem"), filepath.Join(dir, "client-key.pem"))
		if err != nil {
			t.Fatal(err)
		}
		cfg.Certificates = []tls.Certificate{cert}
	}
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{TLSClientConfig: cfg}}
	defer client.CloseIdleConnections()
	resp, err := client.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, string(body)
}

// lines is an output that the test can wait on.
type lines struct {
	mu      sync.Mutex
	buf     bytes.Buffer
	changed chan struct{}
}

func newLines() *lines { return &lines{changed: make(chan struct{}, 1)} }

func (l *lines) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	select {
	case l.changed <- struct{}{}:
	default:
	}
	return l.buf.Write(p)
}

func (l *lines) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// waitFor waits until the output holds a match of re and returns its
// first group; it fails if run returns first or nothing comes for 30 s.
func (l *lines) waitFor(t *testing.T, re *regexp.Regexp, exit chan int) string {
	t.Helper()
	timeout := time.After(30 * time.Second)
	for {
		if m := re.FindStringSubmatch(l.String()); m != nil {
			return m[1]
		}
		select {
		case <-l.changed:
		case code := <-exit:
			exit <- code
			t.Fatalf("run returned %d before serving; output:\n%s", code, l)
		case <-timeout:
			t.Fatalf("no %v in the output after 30 s:\n%s", re, l)
		}
	}
}
