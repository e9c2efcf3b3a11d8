package tz

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// A toolLine is one line of testdata/tools.tsv: text a real tool printed
// and what Parse must make of it (see testdata/gentools.sh).
type toolLine struct {
	id, want, command, text string
}

func readToolLines(t *testing.T) []toolLine {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "tools.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ls []toolLine
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		fs := strings.SplitN(sc.Text(), "\t", 4) // the text may hold tabs (certtool indents with them)
		if len(fs) != 4 {
			t.Fatalf("tools.tsv: %q has %d columns, want 4", sc.Text(), len(fs))
		}
		ls = append(ls, toolLine{fs[0], fs[1], fs[2], fs[3]})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(ls) < 200 {
		t.Fatalf("tools.tsv has %d lines; regenerate it with testdata/gentools.sh", len(ls))
	}
	return ls
}

// TestToolOutputs parses every timestamp that testdata/gentools.sh
// collected from date, openssl, certtool, gnutls-cli, keytool, Java, Node
// and curl (TV-4), and checks the instant, or the refusal of an ambiguous
// zone abbreviation and of a Japanese hour of 12.
func TestToolOutputs(t *testing.T) {
	for _, l := range readToolLines(t) {
		t.Run("TV-4 "+l.id+" "+l.command, func(t *testing.T) {
			got, err := Parse(l.text)
			want, us, found := strings.Cut(l.want, " us=")
			switch want {
			case "ambiguous", "twelve-hour":
				reason := ReasonAmbiguousZone
				if want == "twelve-hour" {
					reason = ReasonTwelveHour
				}
				var pe *ParseError
				if !errors.As(err, &pe) || pe.Reason != reason {
					t.Fatalf("Parse(%q) = %v, %v; want a *ParseError with %v", l.text, got, err, reason)
				}
				if !found {
					return
				}
				got, err = Parser{USZones: true}.Parse(l.text)
				want = us
			}
			if err != nil {
				t.Fatalf("Parse(%q): %v", l.text, err)
			}
			w, err := time.Parse(time.RFC3339, want)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(w) {
				t.Errorf("Parse(%q) = %v, want %v", l.text, got.UTC(), w)
			}
		})
	}
}

// TestToolsLive runs the tools of TestToolOutputs that start quickly on
// this machine and parses what they print now: coreutils date (C locale),
// openssl x509, GnuTLS certtool, keytool, and curl and gnutls-cli against
// a local openssl s_server. (Java's and Node's forms are covered by the
// fixture only, so that CI needs no Node.) Locally a missing tool skips
// its case; under CI=true it fails.
func TestToolsLive(t *testing.T) {
	const epoch = 1355183999 // 2012-12-10T23:59:59Z
	na := time.Unix(epoch, 0)
	nb := time.Date(2011, 12, 10, 0, 0, 0, 0, time.UTC)
	// The TV-2 certificate (server FAQ Q9) and its key, from gentools.sh.
	pem := filepath.Join("testdata", "gentools", "q9.pem")
	key := filepath.Join("testdata", "gentools", "q9.key")
	date := "@" + strconv.Itoa(epoch)
	cases := []struct {
		name string
		env  []string
		argv []string // {"@server", ...} runs argv with PORT replaced, against s_server
		pick func(out string) []string
		want []time.Time
	}{
		{"TV-4 date in the C locale in JST", []string{"TZ=Asia/Tokyo", "LC_ALL=C"}, []string{"date", "-d", date}, lines, []time.Time{na}},
		{"TV-4 date in the C locale in UTC", []string{"TZ=UTC", "LC_ALL=C"}, []string{"date", "-d", date}, lines, []time.Time{na}},
		{"TV-4 date -R", []string{"TZ=Asia/Tokyo", "LC_ALL=C"}, []string{"date", "-R", "-d", date}, lines, []time.Time{na}},
		{"TV-4 openssl x509 -dates", nil, []string{"openssl", "x509", "-in", pem, "-noout", "-dates"}, lines, []time.Time{nb, na}},
		{"TV-4 openssl x509 -text", nil, []string{"openssl", "x509", "-in", pem, "-noout", "-text"}, grep("Not "), []time.Time{nb, na}},
		{"TV-4 certtool -i", nil, []string{"certtool", "-i", "--infile", pem}, grep("Not "), []time.Time{nb, na}},
		{"TV-4 keytool -printcert in JST", []string{"TZ=Asia/Tokyo"}, []string{"keytool", "-J-Duser.language=en", "-printcert", "-file", pem}, keytoolFields, []time.Time{nb, na}},
		{"TV-4 curl -v against openssl s_server", nil, []string{"@server", "curl", "-vks", "--max-time", "5", "-o", "/dev/null", "https://127.0.0.1:PORT/"}, grep(" date: "), []time.Time{nb, na}},
		{"TV-4 gnutls-cli against openssl s_server", nil, []string{"@server", "gnutls-cli", "--insecure", "-p", "PORT", "127.0.0.1"}, gnutlsFields, []time.Time{nb, na}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			argv := c.argv
			server := argv[0] == "@server"
			if server {
				argv = argv[1:]
			}
			path := lookTool(t, argv[0])
			if server {
				port := startServer(t, lookTool(t, "openssl"), pem, key)
				argv = append([]string(nil), argv...)
				for i, a := range argv {
					argv[i] = strings.ReplaceAll(a, "PORT", port)
				}
			}
			cmd := exec.Command(path, argv[1:]...)
			cmd.Env = append(os.Environ(), c.env...)
			out, err := cmd.CombinedOutput()
			if err != nil && !server {
				t.Fatalf("%s: %v\n%s", strings.Join(argv, " "), err, out)
			}
			texts := c.pick(string(out))
			if len(texts) != len(c.want) {
				t.Fatalf("%s printed %q; found %d timestamps, want %d", argv[0], out, len(texts), len(c.want))
			}
			for i, text := range texts {
				got, err := Parse(text)
				if err != nil || !got.Equal(c.want[i]) {
					t.Errorf("Parse(%q) = %v, %v; want %v", text, got, err, c.want[i])
				}
			}
		})
	}
}

// lookTool returns the path of a tool, skipping the test when it is
// missing, or failing it under CI=true.
func lookTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not installed: %v", name, err)
		}
		t.Skipf("%s is not installed: %v", name, err)
	}
	return path
}

// startServer starts openssl s_server with the certificate on a port the
// system picks, and stops it when the test ends. It returns the port.
func startServer(t *testing.T, openssl, cert, key string) string {
	t.Helper()
	cmd := exec.Command(openssl, "s_server", "-www", "-accept", "127.0.0.1:0", "-cert", cert, "-key", key)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
	})
	ports := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			// OpenSSL 3 prints "ACCEPT 127.0.0.1:41234" once it listens.
			if addr, ok := strings.CutPrefix(sc.Text(), "ACCEPT "); ok {
				if i := strings.LastIndexByte(addr, ':'); i >= 0 {
					ports <- addr[i+1:]
				}
			}
		}
		close(ports)
	}()
	select {
	case port, ok := <-ports:
		if !ok {
			t.Fatal("openssl s_server exited without listening")
		}
		return port
	case <-time.After(10 * time.Second):
		t.Fatal("openssl s_server did not say where it listens within 10 s")
	}
	return ""
}

// gnutlsFields returns the two timestamps of gnutls-cli's certificate
// line: "activated `2011-12-10 00:00:00 UTC', expires `...'".
func gnutlsFields(out string) []string {
	for _, l := range lines(out) {
		var ts []string
		for _, label := range []string{"activated `", "expires `"} {
			if _, rest, ok := strings.Cut(l, label); ok {
				if ts0, _, ok := strings.Cut(rest, "'"); ok {
					ts = append(ts, ts0)
				}
			}
		}
		if len(ts) == 2 {
			return ts
		}
	}
	return nil
}

func lines(out string) []string {
	return strings.Split(strings.TrimSpace(out), "\n")
}

func grep(s string) func(string) []string {
	return func(out string) []string {
		var ls []string
		for _, l := range lines(out) {
			if strings.Contains(l, s) {
				ls = append(ls, l)
			}
		}
		return ls
	}
}

// keytoolFields splits keytool's "Valid from: A until: B" into its two
// fields, each with its label.
func keytoolFields(out string) []string {
	for _, l := range lines(out) {
		if from, until, ok := strings.Cut(strings.TrimSpace(l), " until: "); ok && strings.HasPrefix(from, "Valid from:") {
			return []string{from, "until: " + until}
		}
	}
	return nil
}
