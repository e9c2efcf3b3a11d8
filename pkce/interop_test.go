package pkce

// Interop with the real peers (house style: "real peers, not mocks"):
// openssl 3.0, keytool 17, NSS's pk12util and GnuTLS's certtool, both
// directions.
//
// The files real producers wrote are committed in testdata/interop with
// the script that made them (make.sh), and readers.txt records what each
// of the four readers does with every file there, including the files
// this package writes. The regular run checks, without the tools, that
// Decode reads every file and that ReadableBy agrees with readers.txt;
// with the tools, that Decode agrees with "openssl pkcs12" on every
// file's content, and that the tools still do what readers.txt says on a
// representative subset. Passwords reach the tools through files
// (file:, -storepass:file, -w, a certtool template), never on the command
// line.
//
// Locally a missing tool skips with the reason; under CI=true it fails.

import (
	"bufio"
	"bytes"
	"crypto"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
	pkcs12 "software.sslmate.com/src/go-pkcs12"

	"github.com/certlife/certlife/internal/keys"
)

// needTool returns the path of a command-line tool, skipping the test
// when it is missing, or failing it under CI=true.
func needTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s not found under CI=true: %v", name, err)
		}
		t.Skipf("%s not found: %v", name, err)
	}
	return path
}

// run runs a tool with its output captured; the arguments never hold a
// password.
func run(t *testing.T, dir, tool string, args ...string) (string, error) {
	t.Helper()
	cmd := exec.Command(tool, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// writePassword writes the password file the tools read.
func writePassword(t *testing.T, dir string) string {
	t.Helper()
	return writeFile(t, dir, "pw.txt", []byte(fixturePassword+"\n"))
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	f := filepath.Join(dir, name)
	if err := os.WriteFile(f, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return f
}

// vector is a line of testdata/interop/MANIFEST.
type vector struct {
	file, password, about string
}

func vectors(t testing.TB) []vector {
	t.Helper()
	f, err := os.Open(filepath.Join(interopDir, "MANIFEST"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []vector
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		v := vector{file: fields[0], password: fields[1], about: strings.Join(fields[2:], " ")}
		switch v.password {
		case "-":
			v.password = fixturePassword
		case `""`:
			v.password = ""
		}
		out = append(out, v)
	}
	return out
}

func (v vector) data(t testing.TB) []byte {
	t.Helper()
	d, err := os.ReadFile(filepath.Join(interopDir, v.file))
	if err != nil {
		t.Fatalf("%v (regenerate with testdata/interop/make.sh)", err)
	}
	return d
}

// expectedFailure says how Decode must refuse a vector on purpose, with
// the reason; absent vectors decode.
var expectedFailure = map[string]struct {
	err    error
	reason string
}{
	"openssl-camellia.p12":    {ErrUnsupported, "Camellia is not in Go's standard library; Inspect names it"},
	"openssl-aria.p12":        {ErrUnsupported, "ARIA is not in Go's standard library; Inspect names it"},
	"gopkcs12-rfc9579-a4.p12": {ErrIncorrectPassword, "RFC 9579 A.4: the iteration count was altered, so the MAC fails"},
	"gopkcs12-rfc9579-a5.p12": {ErrIncorrectPassword, "RFC 9579 A.5: the salt was altered, so the MAC fails"},
	"gopkcs12-rfc9579-a6.p12": {ErrMalformed, "RFC 9579 A.6: PBMAC1 without the key length RFC 9579 requires"},
}

// vectorCache caches each vector's decoding for all the tests that need
// it: the heavy ones (600,000 iterations) cost a second each.
var vectorCache = struct {
	sync.Mutex
	m map[string]decodedVector
}{m: map[string]decodedVector{}}

type decodedVector struct {
	d   *decoded
	err error
}

// heavy lists the vectors whose key derivations cost a second (600,000
// iterations in every part), eight under the race detector. They are
// decoded in runs without -race (.ci/run has one), and under -race their
// budget is checked without running it (TestDefaultLimitsAdmitProducers).
var heavy = map[string]bool{
	"nss-default.p12": true, "nss-3des.p12": true, "gnutls-3des-5certs.p12": true, "gnutls-null-password.p12": true,
}

// skipHeavy skips a heavy vector under the race detector.
func skipHeavy(t *testing.T, v vector) {
	if heavy[v.file] && raceDetector {
		t.Skipf("%s: 600,000-iteration derivations take seconds under -race; decoded by the run without it", v.file)
	}
}

func decodeVector(t testing.TB, v vector) (*decoded, error) {
	vectorCache.Lock()
	defer vectorCache.Unlock()
	if d, ok := vectorCache.m[v.file]; ok {
		return d.d, d.err
	}
	d, err := decodeFile(v.data(t), v.password, Limits{}.withDefaults(), true)
	vectorCache.m[v.file] = decodedVector{d, err}
	return d, err
}

func decodeVectorEntries(t testing.TB, v vector) ([]Entry, error) {
	d, err := decodeVector(t, v)
	if err != nil {
		return nil, err
	}
	return d.contents().entries()
}

// TestInteropVectors: every file of real producers decodes (PK-2, PK-3),
// or is refused on purpose, with the password and the expected number
// of keys and certificates.
func TestInteropVectors(t *testing.T) {
	for _, v := range vectors(t) {
		t.Run("PK-2 "+v.file, func(t *testing.T) {
			skipHeavy(t, v)
			es, err := decodeVectorEntries(t, v)
			if f, ok := expectedFailure[v.file]; ok {
				if !errors.Is(err, f.err) {
					t.Fatalf("DecodeEntries = %v, want %v (%s)", err, f.err, f.reason)
				}
				return
			}
			if err != nil {
				t.Fatalf("DecodeEntries: %v (%s)", err, v.about)
			}
			if len(es) == 0 {
				t.Fatal("no entries")
			}
			for _, e := range es {
				if e.Key != nil && e.Leaf != nil {
					if err := CheckKeyPair(e.Leaf, e.Key); err != nil {
						t.Errorf("PK-3 entry %s: %v", e.Name(), err)
					}
				}
			}
			if strings.Contains(v.about, "two aliases") {
				if keysOf(es) != 2 {
					t.Errorf("want two key entries, got %d", keysOf(es))
				}
				if _, err := Decode(v.data(t), v.password); !errors.Is(err, ErrMultipleKeys) {
					t.Errorf("Decode of a two-key file = %v, want ErrMultipleKeys", err)
				}
			}
			if _, err := Decode(v.data(t), v.password+"x"); !errors.Is(err, ErrIncorrectPassword) && v.password != "" {
				t.Errorf("wrong password: %v", err)
			}
		})
	}
}

func keysOf(es []Entry) int {
	n := 0
	for _, e := range es {
		if e.Key != nil {
			n++
		}
	}
	return n
}

// content is what a reader found in a file: certificates (DER, sorted),
// public keys and key-bag friendly names.
type content struct {
	Certs   []string
	Keys    int
	Aliases []string
}

func (c *content) sort() {
	sort.Strings(c.Certs)
	sort.Strings(c.Aliases)
}

func ourContent(es []Entry) (content, []crypto.PublicKey) {
	var c content
	var pubs []crypto.PublicKey
	seen := map[string]bool{}
	add := func(x *x509.Certificate) {
		if x != nil && !seen[string(x.Raw)] {
			seen[string(x.Raw)] = true
			c.Certs = append(c.Certs, fmt.Sprintf("%x", x.Raw))
		}
	}
	for _, e := range es {
		add(e.Leaf)
		for _, x := range e.Chain {
			add(x)
		}
		if e.Key != nil {
			c.Keys++
			p, _ := keys.Public(e.Key)
			pubs = append(pubs, p)
			if e.Alias != "" {
				c.Aliases = append(c.Aliases, e.Alias)
			}
		}
	}
	c.sort()
	return c, pubs
}

var friendlyName = regexp.MustCompile(`(?m)^\s*friendlyName: (.*)$`)

// opensslContent parses "openssl pkcs12 -nodes" output: Bag Attributes
// blocks, each followed by one PEM block.
func opensslContent(t *testing.T, out []byte) (content, []crypto.PublicKey) {
	var c content
	var pubs []crypto.PublicKey
	for _, part := range strings.Split(string(out), "Bag Attributes") {
		blk, _ := pem.Decode([]byte(part))
		if blk == nil {
			continue
		}
		name := ""
		if m := friendlyName.FindStringSubmatch(part); m != nil {
			name = strings.TrimSpace(m[1])
		}
		switch blk.Type {
		case "CERTIFICATE":
			c.Certs = append(c.Certs, fmt.Sprintf("%x", blk.Bytes))
		case "PRIVATE KEY":
			k, err := x509.ParsePKCS8PrivateKey(blk.Bytes)
			if err != nil {
				t.Fatalf("openssl's key: %v", err)
			}
			p, _ := keys.Public(k)
			// Keys stored twice are one key to Decode.
			if slices.ContainsFunc(pubs, func(q crypto.PublicKey) bool { return keys.Equal(p, q) }) {
				continue
			}
			pubs = append(pubs, p)
			c.Keys++
			if name != "" {
				c.Aliases = append(c.Aliases, name)
			}
		}
	}
	// Certificates stored twice are one certificate to Decode.
	c.Certs = slices.Compact(slices.Sorted(slices.Values(c.Certs)))
	c.sort()
	return c, pubs
}

// TestInteropSameContentAsOpenSSL: each vector decodes to what "openssl
// pkcs12 -nodes" (with -legacy where OpenSSL 3 needs it) prints: the same
// certificates, the same keys, the same key aliases. PBMAC1 files, which
// OpenSSL 3.0 does not read (3.4 does), are compared with go-pkcs12
// instead; the heavy files, on which openssl too takes seconds, with what
// make.sh recorded from openssl.
func TestInteropSameContentAsOpenSSL(t *testing.T) {
	openssl := needTool(t, "openssl")
	dir := t.TempDir()
	for _, v := range vectors(t) {
		if _, ok := expectedFailure[v.file]; ok {
			continue
		}
		t.Run("PK-2 "+v.file, func(t *testing.T) {
			skipHeavy(t, v)
			es, err := decodeVectorEntries(t, v)
			if err != nil {
				t.Fatal(err)
			}
			got, gotPubs := ourContent(es)
			var want content
			var wantPubs []crypto.PublicKey
			info, err := Inspect(v.data(t))
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case info.MAC.Algorithm == PBMAC1:
				key, leaf, cas, err := pkcs12.DecodeChain(v.data(t), v.password)
				if err != nil {
					t.Fatal(err)
				}
				for _, c := range append([]*x509.Certificate{leaf}, cas...) {
					want.Certs = append(want.Certs, fmt.Sprintf("%x", c.Raw))
				}
				p, _ := keys.Public(key)
				want.Keys, wantPubs = 1, []crypto.PublicKey{p}
				got.Aliases = nil
				want.sort()
			case heavy[v.file]:
				out, err := os.ReadFile(filepath.Join(interopDir, "openssl", strings.TrimSuffix(v.file, ".p12")+".pem"))
				if err != nil {
					t.Fatalf("%v (make.sh records openssl's output)", err)
				}
				want, wantPubs = opensslContent(t, out)
			default:
				pw := writeFile(t, dir, "pw-"+v.file, []byte(v.password+"\n"))
				args := []string{"pkcs12", "-in", filepath.Join(interopDir, v.file), "-passin", "file:" + pw, "-nodes"}
				out, err := exec.Command(openssl, args...).Output()
				if err != nil {
					out, err = exec.Command(openssl, append(args, "-legacy")...).Output()
				}
				if err != nil {
					t.Fatalf("openssl pkcs12: %v", err)
				}
				want, wantPubs = opensslContent(t, out)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("content (-openssl +Decode):\n%s", diff)
			}
			for _, p := range wantPubs {
				if !slices.ContainsFunc(gotPubs, func(q crypto.PublicKey) bool { return keys.Equal(p, q) }) {
					t.Errorf("openssl's key %T is not among Decode's", p)
				}
			}
		})
	}
}

// readersTxt reads testdata/interop/readers.txt: file -> tool -> read.
func readersTxt(t testing.TB) map[string]map[string]bool {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(interopDir, "readers.txt"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]bool{}
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		m := map[string]bool{}
		for _, kv := range f[1:] {
			k, v, _ := strings.Cut(kv, "=")
			m[k] = v == "yes"
		}
		out[f[0]] = m
	}
	return out
}

// toolTargets maps each measured reader to the target it stands for.
var toolTargets = []struct {
	tool   string
	target Target
}{{"openssl", OpenSSL30}, {"keytool", Java17}, {"nss", NSS}, {"gnutls", GnuTLS}}

// TestReadableByMatchesReaders: PK-2 by measurement. For every file of
// the interop matrix and each of openssl 3.0, keytool 17, pk12util and
// certtool, ReadableBy of the target the tool stands for says what the
// tool did (readers.txt). The Info is InspectWithPassword's; Inspect's,
// without the password, must say the same except for facts only the
// password shows (GnuTLS and an EC key without its public key, NSS and a
// localKeyId no certificate of the key carries).
func TestReadableByMatchesReaders(t *testing.T) {
	measured := readersTxt(t)
	for _, v := range vectors(t) {
		m, ok := measured[v.file]
		if !ok {
			t.Errorf("%s is not in readers.txt (run make.sh -measure)", v.file)
			continue
		}
		t.Run("PK-2 "+v.file, func(t *testing.T) {
			data := v.data(t)
			blind, err := Inspect(data)
			if err != nil {
				if _, bad := expectedFailure[v.file]; !bad {
					t.Fatal(err)
				}
				for _, tt := range toolTargets {
					if m[tt.tool] {
						t.Errorf("%s reads a file Inspect refuses: %v", tt.tool, err)
					}
				}
				return
			}
			info := blind
			if !(heavy[v.file] && raceDetector) {
				if d, err := decodeVector(t, v); err == nil {
					info = d.pf.info(true)
				}
			}
			for _, tt := range toolTargets {
				err := info.ReadableBy(tt.target)
				if (err == nil) != m[tt.tool] {
					t.Errorf("%s: ReadableBy(%v) = %v, but %s read=%v", v.file, tt.target, err, tt.tool, m[tt.tool])
				}
				// Without the password the Info cannot see BER inside
				// encrypted parts nor keys' facts.
				blindErr := blind.ReadableBy(tt.target)
				if (blindErr == nil) != (err == nil) && info.BER == blind.BER && !hasKeyFact(info) {
					t.Errorf("%s: without the password ReadableBy(%v) = %v, with it %v", v.file, tt.target, blindErr, err)
				}
			}
		})
	}
}

func hasKeyFact(i *Info) bool {
	return slices.ContainsFunc(i.KeyBags, func(k KeyBag) bool { return k.PublicKeyMissing || (k.LocalKeyID != nil && !k.Paired) })
}

// TestInteropToolsLive: the tools on the machine still do what
// readers.txt records, on a representative subset: the files this package
// writes (Encode for each encoding, the NULL-password, BER, RC4 and
// unusual-PRF files) and a few from other producers. Each tool is
// checked in both directions: it reads these files here, and it wrote
// its own vectors in make.sh, which TestInteropVectors decodes.
func TestInteropToolsLive(t *testing.T) {
	measured := readersTxt(t)
	byFile := map[string]vector{}
	for _, v := range vectors(t) {
		byFile[v.file] = v
	}
	subset := map[string][]string{
		"openssl": {"pkce-encode-legacy.p12", "pkce-encode-modern.p12", "pkce-encode-pbmac1.p12", "pkce-null-password.p12", "pkce-ber.p12", "pkce-rc4.p12"},
		"keytool": {"pkce-encode-modern.p12", "pkce-ber-parameters.p12"},
		"nss": {"pkce-encode-legacy.p12", "pkce-encode-modern.p12", "pkce-ber.p12", "pkce-ber-bags.p12", "pkce-rc4.p12", "pkce-null-password.p12", "openssl-nomac.p12",
			"pkce-lkid-key-without.p12", "pkce-lkid-ca-cert.p12", "pkce-lkid-two-keys-paired.p12"},
		"gnutls": {"pkce-encode-modern.p12", "pkce-null-password.p12", "pkce-ber-keys.p12", "pkce-rc4.p12", "pkce-prf-sha512-256.p12", "keytool-two-aliases.p12"},
	}
	readers := map[string]func(t *testing.T, dir, file, pwFile string, empty bool) bool{
		"openssl": func(t *testing.T, dir, file, pwFile string, _ bool) bool {
			_, err := run(t, dir, needTool(t, "openssl"), "pkcs12", "-in", file, "-passin", "file:"+pwFile, "-nodes", "-out", filepath.Join(dir, "o.pem"))
			return err == nil
		},
		"keytool": func(t *testing.T, dir, file, pwFile string, _ bool) bool {
			_, err := run(t, dir, needTool(t, "keytool"), "-list", "-keystore", file, "-storetype", "PKCS12", "-storepass:file", pwFile)
			return err == nil
		},
		"nss": func(t *testing.T, dir, file, pwFile string, _ bool) bool {
			db := filepath.Join(dir, "nssdb-"+filepath.Base(file))
			if err := os.Mkdir(db, 0o700); err != nil {
				t.Fatal(err)
			}
			if msg, err := run(t, dir, needTool(t, "certutil"), "-N", "-d", "sql:"+db, "--empty-password"); err != nil {
				t.Fatalf("certutil -N: %v\n%s", err, msg)
			}
			if _, err := run(t, dir, needTool(t, "pk12util"), "-i", file, "-d", "sql:"+db, "-w", pwFile); err != nil {
				return false
			}
			return nssPaired(t, dir, db, file, pwFile)
		},
		"gnutls": func(t *testing.T, dir, file, pwFile string, empty bool) bool {
			return gnutlsReads(t, dir, file, pwFile, empty)
		},
	}
	for _, tool := range []string{"openssl", "keytool", "nss", "gnutls"} {
		t.Run("PK-2 "+tool, func(t *testing.T) {
			dir := t.TempDir()
			for _, name := range subset[tool] {
				v := byFile[name]
				pwFile := writeFile(t, dir, "pw-"+name, []byte(v.password+"\n"))
				file, err := filepath.Abs(filepath.Join(interopDir, name))
				if err != nil {
					t.Fatal(err)
				}
				got := readers[tool](t, dir, file, pwFile, v.password == "")
				if want := measured[name][tool]; got != want {
					t.Errorf("%s read %s: %v, readers.txt says %v (rerun make.sh -measure?)", tool, name, got, want)
				}
			}
		})
	}
}

// nssPaired is what make.sh's nss_paired does: NSS files a key under the
// certificate of the same localKeyId without comparing them, so every
// certificate it gave a key (trust "u,u,u" in certutil -L) must hold the
// public half of one of the file's keys.
func nssPaired(t *testing.T, dir, db, file, pwFile string) bool {
	certutil := needTool(t, "certutil")
	list, err := run(t, dir, certutil, "-L", "-d", "sql:"+db)
	if err != nil {
		t.Fatalf("certutil -L: %v\n%s", err, list)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	pw, err := os.ReadFile(pwFile)
	if err != nil {
		t.Fatal(err)
	}
	es, err := DecodeEntries(data, strings.TrimSuffix(string(pw), "\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(list, "\n") {
		nick, ok := strings.CutSuffix(strings.TrimRight(line, " "), "u,u,u")
		if !ok {
			continue
		}
		out, err := run(t, dir, certutil, "-L", "-d", "sql:"+db, "-n", strings.TrimRight(nick, " "), "-a")
		blk, _ := pem.Decode([]byte(out))
		if err != nil || blk == nil {
			t.Fatalf("certutil -L -n %q -a: %v\n%s", nick, err, out)
		}
		c, err := x509.ParseCertificate(blk.Bytes)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.ContainsFunc(es, func(e Entry) bool { return e.Key != nil && keys.Match(c.PublicKey, e.Key) }) {
			t.Logf("NSS gave %q (%s) a key the file holds for another certificate", strings.TrimRight(nick, " "), c.Subject)
			return false
		}
	}
	return true
}

// gnutlsReads is what make.sh's gnutls_reads does: certtool --p12-info
// opens the file, and certtool --key-info decrypts each key it prints.
func gnutlsReads(t *testing.T, dir, file, pwFile string, empty bool) bool {
	certtool := needTool(t, "certtool")
	pw, err := os.ReadFile(pwFile)
	if err != nil {
		t.Fatal(err)
	}
	var flagSets [][]string
	if empty {
		flagSets = [][]string{{"--null-password"}, {"--empty-password"}}
	} else {
		tmpl := writeFile(t, dir, "gnutls.cfg", []byte(fmt.Sprintf("password = %q\n", strings.TrimSpace(string(pw)))))
		flagSets = [][]string{{"--template", tmpl}}
	}
	for _, flags := range flagSets {
		out, err := run(t, dir, certtool, append([]string{"--p12-info", "--inder", "--infile", file}, flags...)...)
		if err != nil {
			continue
		}
		ok := true
		rest := []byte(out)
		for n := 0; ; n++ {
			var blk *pem.Block
			blk, rest = pem.Decode(rest)
			if blk == nil {
				break
			}
			if blk.Type != "ENCRYPTED PRIVATE KEY" {
				continue
			}
			key := writeFile(t, dir, fmt.Sprintf("key%d.pem", n), pem.EncodeToMemory(blk))
			if _, err := run(t, dir, certtool, append([]string{"--key-info", "--pkcs8", "--infile", key}, flags...)...); err != nil {
				ok = false
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// TestInteropOwnFixtures writes the files this package contributes to
// the interop matrix with -update (make.sh runs it), and otherwise checks
// that they are there and decode.
func TestInteropOwnFixtures(t *testing.T) {
	files := ownFixtures(t)
	for name, data := range files {
		path := filepath.Join(interopDir, name)
		if *update {
			if err := os.WriteFile(path, data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if _, err := os.Stat(path); err != nil {
			t.Errorf("%v (run testdata/interop/make.sh)", err)
		}
	}
}

// ownFixtures are the pkce-*.p12 files of the interop matrix.
func ownFixtures(t *testing.T) map[string][]byte {
	key := testRSA(t, "leaf")
	leaf, chain := interopCert(t, "leaf"), []*x509.Certificate{interopCert(t, "inter1"), interopCert(t, "root")}
	b := &Bundle{Key: key, Leaf: leaf, Chain: chain}
	out := map[string][]byte{}
	for name, tg := range map[string]Target{"pkce-encode-legacy.p12": OpenSSL102, "pkce-encode-modern.p12": OpenSSL30, "pkce-encode-pbmac1.p12": OpenSSL34} {
		data, err := b.Encode(fixturePassword, tg)
		if err != nil {
			t.Fatal(err)
		}
		out[name] = data
	}
	all := append([]*x509.Certificate{leaf}, chain...)
	out["pkce-null-password.p12"] = nullPasswordFile(t, key, all...)
	out["pkce-ber.p12"] = berFile(t, fixturePassword, key, 0, all...)
	out["pkce-ber-bags.p12"] = berFile(t, fixturePassword, key, BERBags, all...)
	out["pkce-ber-keys.p12"] = berFile(t, fixturePassword, key, BERKeys, all...)
	out["pkce-ber-parameters.p12"] = berFile(t, fixturePassword, key, BERParameters, all...)
	pw := bmpPassword(fixturePassword)
	// Every producer ties the key to its certificate with a localKeyId;
	// NSS imports no key without it.
	certBags := []func(*builder){certBagA(leaf.Raw, "client", []byte{1})}
	for _, c := range chain {
		certBags = append(certBags, certBag(c.Raw))
	}
	withSchemes := func(m macSpec, keyScheme, certScheme scheme) []byte {
		return buildPFXWith(m, der(func(b *builder) {
			b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
				encryptedSafe(safeContents(certBags...), certScheme)(b)
				plainSafe(safeContents(shroudedBag(mustPKCS8(t, key), keyScheme, attrsOf("client", []byte{1}))))(b)
			})
		}), false)
	}
	out["pkce-rc4.p12"] = withSchemes(sha1MAC(fixturePassword, 2048),
		pbeRC4(pw, 128, []byte("rc4keysalt"), 2048), pbeRC4(pw, 40, []byte("rc4certsalt"), 2048))
	sha256MAC := macSpec{hashSHA256, oidSHA256, pw, 2048}
	out["pkce-prf-sha512-256.p12"] = withSchemes(sha256MAC,
		pbes2(fixturePassword, hashSHA512256, oidHMAC512256, oidAES256CBC, 2048), pbes2(fixturePassword, hashSHA512256, oidHMAC512256, oidAES256CBC, 2048))
	out["pkce-pbes2-sha1-3des.p12"] = withSchemes(sha1MAC(fixturePassword, 2048),
		pbes2(fixturePassword, hashSHA1, oidHMACSHA1, oidDESEDE3CBC, 2048), pbes2(fixturePassword, hashSHA1, oidHMACSHA1, oidDESEDE3CBC, 2048))
	for name, data := range localKeyIDFixtures(t) {
		out[name] = data
	}
	return out
}

// localKeyIDFixtures are the pkce-lkid-*.p12 files: how a key bag's
// localKeyId pairs it with a certificate bag, or fails to, as
// hand-made files and tools that drop bag attributes write them. Each
// is 3DES with a SHA-1 MAC, which all four readers read, certificates
// in an encrypted safe and the key in a plain one, as OpenSSL writes.
func localKeyIDFixtures(t *testing.T) map[string][]byte {
	pw := bmpPassword(fixturePassword)
	keyScheme := func() scheme { return pbe3DES(pw, []byte("lkidkeysalt"), 2048) }
	certScheme := pbe3DES(pw, []byte("lkidcertsalt"), 2048)
	rsaDER := mustPKCS8(t, testRSA(t, "leaf"))
	ecDER := pemFileBytes(t, filepath.Join(interopDir, "pki", "ecleaf.key"))
	leaf, ecLeaf := interopCert(t, "leaf").Raw, interopCert(t, "ecleaf").Raw
	chain := []func(*builder){certBag(interopCert(t, "inter1").Raw), certBag(interopCert(t, "root").Raw)}
	file := func(certs []func(*builder), keys ...func(*builder)) []byte {
		return buildPFXWith(sha1MAC(fixturePassword, 2048), der(func(b *builder) {
			b.AddASN1(cbasn1.SEQUENCE, func(b *builder) {
				encryptedSafe(safeContents(append(certs, chain...)...), certScheme)(b)
				plainSafe(safeContents(keys...))(b)
			})
		}), false)
	}
	one := func(leafAttrs, keyAttrs func(*builder)) []byte {
		return file([]func(*builder){safeBag(oidCertBag, certBagValue(leaf), leafAttrs)},
			shroudedBag(rsaDER, keyScheme(), keyAttrs))
	}
	id1, id2 := []byte{1}, []byte{2}
	return map[string][]byte{
		"pkce-lkid-paired.p12":       one(attrsOf("client", id1), attrsOf("client", id1)),
		"pkce-lkid-key-without.p12":  one(attrsOf("client", id1), attrsOf("client", nil)),
		"pkce-lkid-none.p12":         one(nil, nil),
		"pkce-lkid-names-only.p12":   one(attrsOf("client", nil), attrsOf("client", nil)),
		"pkce-lkid-mismatch.p12":     one(attrsOf("client", id2), attrsOf("client", id1)),
		"pkce-lkid-cert-without.p12": one(attrsOf("client", nil), attrsOf("client", id1)),
		"pkce-lkid-ca-cert.p12": file([]func(*builder){certBag(leaf), safeBag(oidCertBag, certBagValue(interopCert(t, "inter1").Raw), attrsOf("", id1))},
			shroudedBag(rsaDER, keyScheme(), attrsOf("client", id1))),
		"pkce-lkid-two-keys-paired.p12": file([]func(*builder){certBagA(leaf, "rsa", id1), certBagA(ecLeaf, "ec", id2)},
			shroudedBag(rsaDER, keyScheme(), attrsOf("rsa", id1)), shroudedBag(ecDER, keyScheme(), attrsOf("ec", id2))),
		"pkce-lkid-two-keys-one.p12": file([]func(*builder){certBagA(leaf, "rsa", id1), certBagA(ecLeaf, "ec", nil)},
			shroudedBag(rsaDER, keyScheme(), attrsOf("rsa", id1)), shroudedBag(ecDER, keyScheme(), attrsOf("ec", nil))),
	}
}

// pemFileBytes returns the bytes of the first PEM block of a file.
func pemFileBytes(t testing.TB, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	blk, _ := pem.Decode(data)
	if blk == nil {
		t.Fatalf("%s: no PEM", path)
	}
	return blk.Bytes
}

func interopCert(t testing.TB, name string) *x509.Certificate {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(interopDir, "pki", name+".pem"))
	if err != nil {
		t.Fatal(err)
	}
	blk, _ := pem.Decode(data)
	c, err := x509.ParseCertificate(blk.Bytes)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestInteropEncodeReadByTools: PK-2 against a real reader, live, on
// fresh keys. For every encoding Encode uses, OpenSSL 3.0 (without
// -legacy) reads the file exactly when ReadableBy says it can, and what it
// prints is the bundle. The other readers' view of Encode's files is in
// readers.txt and TestInteropToolsLive.
func TestInteropEncodeReadByTools(t *testing.T) {
	openssl := needTool(t, "openssl")
	dir := t.TempDir()
	pwFile := writePassword(t, dir)
	p := newPKI(t, rsaKey(t))
	b := &Bundle{Key: p.leafKey, Leaf: p.leaf, Chain: []*x509.Certificate{p.inter, p.root}}
	for _, tg := range []Target{OpenSSL102, OpenSSL30, OpenSSL34} {
		data, err := b.Encode(fixturePassword, tg)
		if err != nil {
			t.Fatal(err)
		}
		info, err := Inspect(data)
		if err != nil {
			t.Fatal(err)
		}
		f := writeFile(t, dir, tg.String()+".p12", data)
		t.Run("PK-2 OpenSSL 3.0 reads Encode for "+tg.String(), func(t *testing.T) {
			out := filepath.Join(dir, tg.String()+".pem")
			msg, err := run(t, dir, openssl, "pkcs12", "-in", f, "-passin", "file:"+pwFile, "-nodes", "-out", out)
			want := info.ReadableBy(OpenSSL30)
			if (err == nil) != (want == nil) {
				t.Fatalf("openssl pkcs12: err=%v, ReadableBy(OpenSSL30)=%v\n%s", err, want, msg)
			}
			if err != nil {
				return
			}
			pemData, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			got, err := Load(pemData, "")
			if err != nil {
				t.Fatalf("Load(openssl output): %v", err)
			}
			if !got.Leaf.Equal(p.leaf) || len(got.Chain) != 2 || CheckKeyPair(got.Leaf, got.Key) != nil {
				t.Errorf("openssl output: wrong leaf, chain or key")
			}
		})
	}
}

// TestInteropToolsDecoded: files written live by openssl pkcs12 -export
// and by keytool are decoded with the right leaf and chain.
func TestInteropToolsDecoded(t *testing.T) {
	openssl := needTool(t, "openssl")
	dir := t.TempDir()
	pwFile := writePassword(t, dir)
	p := newPKI(t, rsaKey(t))
	keyFile := writeFile(t, dir, "key.pem", pemBlock("PRIVATE KEY", mustPKCS8(t, p.leafKey), nil))
	leafFile := writeFile(t, dir, "leaf.pem", pemBlock("CERTIFICATE", p.leaf.Raw, nil))
	// The chain file lists the root first: the leaf must still be found.
	chainFile := writeFile(t, dir, "chain.pem", append(pemBlock("CERTIFICATE", p.root.Raw, nil), pemBlock("CERTIFICATE", p.inter.Raw, nil)...))

	tests := []struct {
		name      string
		args      []string
		certSafe  Encryption
		keyScheme Encryption
		mac       MACAlgorithm
	}{
		{"PK-2 openssl pkcs12 -export (default)", nil, PBES2, PBES2, MACSHA256},
		{"PK-2 openssl pkcs12 -export -legacy", []string{"-legacy"}, PBEWithSHA1And40BitRC2, PBEWithSHA1And3DES, MACSHA1},
		// OpenSSL 3's -descert changes the certificates only: the key stays
		// PBES2/AES and the MAC SHA-256, so the file is still not for
		// CentOS 7 (use -legacy, or Encode(pw, OpenSSL102)).
		{"PK-2 openssl pkcs12 -export -descert", []string{"-descert"}, PBEWithSHA1And3DES, PBES2, MACSHA256},
	}
	var defaultFile string
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := filepath.Join(dir, "openssl"+itoa(i)+".p12")
			args := append([]string{"pkcs12", "-export", "-in", leafFile, "-inkey", keyFile, "-certfile", chainFile,
				"-passout", "file:" + pwFile, "-out", out}, tc.args...)
			if msg, err := run(t, dir, openssl, args...); err != nil {
				t.Fatalf("openssl: %v\n%s", err, msg)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				defaultFile = out
			}
			checkDecoded(t, data, p)
			info, err := Inspect(data)
			if err != nil {
				t.Fatal(err)
			}
			if info.MAC.Algorithm != tc.mac || len(info.Safes) != 2 || info.Safes[0].Scheme.Encryption != tc.certSafe ||
				len(info.KeyBags) != 1 || info.KeyBags[0].Scheme.Encryption != tc.keyScheme {
				t.Errorf("Inspect:\n%s", info)
			}
			if _, err := Decode(data, "Wr0ngPassw0rd"); !errors.Is(err, ErrIncorrectPassword) {
				t.Errorf("wrong password: %v", err)
			}
		})
	}

	keytool := needTool(t, "keytool")
	t.Run("PK-3 keytool -importkeystore from OpenSSL", func(t *testing.T) {
		if defaultFile == "" {
			t.Skip("openssl default case failed")
		}
		out := filepath.Join(dir, "keytool.p12")
		msg, err := run(t, dir, keytool, "-importkeystore", "-noprompt",
			"-srckeystore", defaultFile, "-srcstoretype", "PKCS12", "-srcstorepass:file", pwFile,
			"-destkeystore", out, "-deststoretype", "PKCS12", "-deststorepass:file", pwFile)
		if err != nil {
			t.Fatalf("keytool: %v\n%s", err, msg)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		checkDecoded(t, data, p)
	})
}

func checkDecoded(t *testing.T, data []byte, p *pki) {
	t.Helper()
	b, err := Decode(data, fixturePassword)
	if err != nil {
		t.Fatalf("Decode: %v", err)
	}
	if !b.Leaf.Equal(p.leaf) {
		t.Errorf("leaf = %v", b.Leaf.Subject)
	}
	if err := CheckKeyPair(b.Leaf, b.Key); err != nil {
		t.Error(err)
	}
	var chain [][]byte
	for _, c := range b.Chain {
		chain = append(chain, c.Raw)
	}
	if len(chain) != 2 || !bytes.Equal(chain[0], p.inter.Raw) || !bytes.Equal(chain[1], p.root.Raw) {
		t.Errorf("chain has %d certificates, want intermediate then root", len(chain))
	}
}
