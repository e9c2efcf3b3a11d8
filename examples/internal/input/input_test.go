package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// td is the shared fixture directory, examples/testdata.
const td = "../../testdata/"

// got is what a read produced, in a form cases can state.
type got struct {
	Items  []string // "kind label where #index", or "error: message" for an item that does not parse
	Errors []string // errors of inputs
	Skips  []string // "path: reason"
}

// every wants every kind.
func every(Kind) bool { return true }

// collect reads args with r and h.Want, recording everything.
func collect(t testing.TB, r *Reader, args []string, want func(Kind) bool) got {
	t.Helper()
	var g got
	err := r.Read(args, Handler{
		Want:     want,
		WantText: "anything",
		Item: func(it *Item) error {
			if it.Err != nil {
				g.Items = append(g.Items, "error: "+it.Err.Error())
				return nil
			}
			g.Items = append(g.Items, fmt.Sprintf("%s %s %s #%d", kindName[it.Kind], it.Label, it.Where, it.Index))
			return nil
		},
		Error: func(err error) {
			var e *Error
			if !errors.As(err, &e) {
				t.Errorf("error %v is a %T, not an *input.Error", err, err)
			}
			g.Errors = append(g.Errors, err.Error())
		},
		Skip: func(s Skip) { g.Skips = append(g.Skips, s.Path+": "+s.Reason) },
	})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

var kindName = map[Kind]string{KindCertificate: "certificate", KindRequest: "request", KindKey: "key",
	KindEncryptedKey: "encrypted-key", KindPKCS12: "pkcs12", KindOther: "other"}

func fixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(td + name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestFormats reads every format from standard input: what is found, what
// it is called, where it is, and the errors, which name the input, the
// place and what was expected, in the package's own words.
func TestFormats(t *testing.T) {
	leaf, ca := fixture(t, "leaf.pem"), fixture(t, "ca.pem")
	leafDER := fixture(t, "leaf.der")
	for _, c := range []struct {
		name   string
		in     string
		limits Limits
		want   got
	}{
		{name: "PEM with text around and between blocks", in: "subject=x\n" + leaf + "issuer=y\n\n" + ca + "end\n",
			want: got{Items: []string{"certificate CERTIFICATE block line 2 #1", "certificate CERTIFICATE block line 17 #2"}}},
		{name: "PEM with a UTF-8 byte order mark", in: fixture(t, "bom.pem"),
			want: got{Items: []string{"certificate CERTIFICATE block line 1 #1"}}},
		{name: "PEM with CRLF", in: fixture(t, "crlf.pem"),
			want: got{Items: []string{"certificate CERTIFICATE block line 3 #1"}}},
		{name: "legacy X509 CERTIFICATE label", in: strings.ReplaceAll(leaf, "CERTIFICATE", "X509 CERTIFICATE"),
			want: got{Items: []string{"certificate X509 CERTIFICATE block line 1 #1"}}},
		{name: "OpenSSL TRUSTED CERTIFICATE", in: fixture(t, "trusted.pem"),
			want: got{Items: []string{"certificate TRUSTED CERTIFICATE block line 1 #1"}}},
		{name: "PKCS7 PEM bag", in: fixture(t, "bundle-p7b.pem"),
			want: got{Items: []string{"certificate PKCS#7 certificate line 1, PKCS#7 certificate 1 #1",
				"certificate PKCS#7 certificate line 1, PKCS#7 certificate 2 #2", "certificate PKCS#7 certificate line 1, PKCS#7 certificate 3 #3"}}},
		{name: "PKCS7 DER bag", in: fixture(t, "bundle.p7b"),
			want: got{Items: []string{"certificate PKCS#7 certificate byte 0, PKCS#7 certificate 1 #1",
				"certificate PKCS#7 certificate byte 0, PKCS#7 certificate 2 #2", "certificate PKCS#7 certificate byte 0, PKCS#7 certificate 3 #3"}}},
		{name: "a PKCS7 bag under a CERTIFICATE label", in: strings.ReplaceAll(fixture(t, "bundle-p7b.pem"), "PKCS7", "CERTIFICATE"),
			want: got{Items: []string{"certificate PKCS#7 certificate line 1, PKCS#7 certificate 1 #1",
				"certificate PKCS#7 certificate line 1, PKCS#7 certificate 2 #2", "certificate PKCS#7 certificate line 1, PKCS#7 certificate 3 #3"}}},
		{name: "one DER certificate", in: leafDER, want: got{Items: []string{"certificate DER certificate byte 0 #1"}}},
		{name: "concatenated DER certificates and a trailing newline", in: fixture(t, "chain.der") + "\r\n",
			want: got{Items: []string{"certificate DER certificate byte 0 #1", "certificate DER certificate byte 484 #2", "certificate DER certificate byte 876 #3"}}},
		{name: "keys, requests and other blocks", in: fixture(t, "leaf.key") + fixture(t, "encrypted.key") + fixture(t, "encrypted-traditional.key") +
			"-----BEGIN X509 CRL-----\nMAA=\n-----END X509 CRL-----\n",
			want: got{Items: []string{"key PRIVATE KEY block line 1 #1", "encrypted-key ENCRYPTED PRIVATE KEY block line 4 #1",
				"encrypted-key encrypted EC PRIVATE KEY block line 10 #2", "other X509 CRL block line 18 #1"}}},
		{name: "DSA and OpenSSH keys are named", in: "-----BEGIN DSA PRIVATE KEY-----\nMAA=\n-----END DSA PRIVATE KEY-----\n-----BEGIN OPENSSH PRIVATE KEY-----\nMAA=\n-----END OPENSSH PRIVATE KEY-----\n",
			want: got{Items: []string{"error: -: line 1: a DSA key, which is not read (want an RSA, ECDSA or Ed25519 key)",
				"error: -: line 4: an OpenSSH key, which is not read (want a PKCS#8 key; convert it with ssh-keygen -p -m PKCS8)"}}},
		{name: "PKCS12 without a password is handed on", in: fixture(t, "leaf.p12"), want: got{Items: []string{"pkcs12 PKCS#12 bundle byte 0 #1"}}},
		{name: "a request block holding a certificate", in: fixture(t, "wrong.csr"),
			want: got{Items: []string{"error: -: line 1: a CERTIFICATE REQUEST block that holds a certificate (want a certificate signing request (PKCS #10))"}}},
		{name: "a request block cut short", in: fixture(t, "truncated.csr"),
			want: got{Items: []string{"error: -: line 1: a CERTIFICATE REQUEST block that holds DER of an unknown structure (want a certificate signing request (PKCS #10))"}}},
		{name: "bad base64 spoils one block, not the next", in: "-----BEGIN CERTIFICATE-----\nMA!!\n-----END CERTIFICATE-----\n" + leaf,
			want: got{Items: []string{"error: -: line 1: bad base64 in the CERTIFICATE block (want base64 text)", "certificate CERTIFICATE block line 4 #2"}}},
		{name: "a certificate that does not parse", in: "-----BEGIN CERTIFICATE-----\nMAMCAQA=\n-----END CERTIFICATE-----\n",
			want: got{Items: []string{"error: -: line 1: a CERTIFICATE block that holds DER of an unknown structure (want an X.509 certificate)"}}},
		{name: "a certificate with a bad signature algorithm", in: leafDER[:len(leafDER)-70] + "x" + leafDER[len(leafDER)-69:],
			want: got{Items: []string{"error: -: byte 0: a DER certificate that is not a valid X.509 certificate: inner and outer signature algorithm identifiers don't match"}}},

		{name: "empty", in: "", want: got{Errors: []string{"-: empty (want anything)"}}},
		{name: "only a byte order mark", in: "\xef\xbb\xbf", want: got{Errors: []string{"-: empty but for a byte order mark (want anything)"}}},
		{name: "no PEM block", in: "hello\n", want: got{Errors: []string{"-: no PEM block (want anything)"}}},
		{name: "UTF-16 text", in: "\xff\xfe-\x00-\x00", want: got{Errors: []string{"-: byte 0: UTF-16 text (want UTF-8 or ASCII text; convert it with iconv -f UTF-16 -t UTF-8)"}}},
		{name: "a Java keystore", in: fixture(t, "keystore.jks"),
			want: got{Errors: []string{"-: byte 0: a Java keystore (JKS or JCEKS) (want PKCS#12; convert it with keytool -importkeystore -deststoretype pkcs12)"}}},
		{name: "NUL bytes, as /dev/zero gives", in: "\x00\x00\x00\x00",
			want: got{Errors: []string{"-: line 1: binary data that is not DER (a NUL byte in the text) (want anything)"}}},
		{name: "BER indefinite length", in: "\x30\x80\x02\x01\x00\x00\x00",
			want: got{Errors: []string{"-: byte 0: BER with indefinite lengths (want DER; convert it with openssl (e.g. openssl pkcs7 -inform DER -outform DER))"}}},
		{name: "a DER length over the block limit", in: "\x30\x84\x7f\xff\xff\xff",
			want: got{Errors: []string{"-: byte 0: a DER element of 2147483653 bytes, larger than 8 MiB"}}},
		{name: "a DER length of more than four bytes", in: "\x30\x88\x01\x02\x03\x04\x05\x06\x07\x08",
			want: got{Errors: []string{"-: byte 0: a DER length of 8 bytes' size (want anything)"}}},
		{name: "DER cut short", in: leafDER[:100], want: got{Errors: []string{"-: byte 0: a DER element of 484 bytes cut short after 100"}}},
		{name: "garbage after DER", in: leafDER + "garbage", want: got{Items: []string{"certificate DER certificate byte 0 #1"},
			Errors: []string{"-: byte 484: data after the last DER element that is not DER"}}},
		{name: "DER of an unknown structure", in: "\x30\x03\x02\x01\x05", want: got{Errors: []string{"-: byte 0: DER of an unknown structure (want anything)"}}},
		{name: "END does not match BEGIN", in: "-----BEGIN CERTIFICATE-----\nMAA=\n-----END PRIVATE KEY-----\n",
			want: got{Errors: []string{`-: line 3: "-----END PRIVATE KEY-----" does not close the CERTIFICATE block begun on line 1 (want END CERTIFICATE)`}}},
		{name: "the input ends inside a block", in: leaf[:100],
			want: got{Errors: []string{"-: line 3: the input ends inside the CERTIFICATE block begun on line 1 (want END CERTIFICATE)"}}},
		{name: "a line over the line limit", in: strings.Repeat("A", 100) + "\n", limits: Limits{Line: 64},
			want: got{Errors: []string{"-: line 1: a line longer than 64 bytes (want PEM text)"}}},
		{name: "a block over the block limit", in: "-----BEGIN CERTIFICATE-----\n" + strings.Repeat("AAAA\n", 30), limits: Limits{Block: 100},
			want: got{Errors: []string{"-: line 27: the CERTIFICATE block begun on line 1 is larger than 100 bytes"}}},
		{name: "input over the total limit", in: leaf + leaf, limits: Limits{Total: 1000},
			want: got{Items: []string{"certificate CERTIFICATE block line 1 #1"}, Errors: []string{"-: line 18: more input than the 1000 bytes one run reads"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := &Reader{Stdin: strings.NewReader(c.in), Limits: c.limits}
			g := collect(t, r, []string{"-"}, every)
			if d := cmp.Diff(c.want, g); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
}

// TestPKCS12 opens bundles with a password: every certificate, and how the
// key and certificates pair (PK-3).
func TestPKCS12(t *testing.T) {
	pw := func() ([]byte, error) { return []byte("Example2026"), nil }
	for _, c := range []struct {
		name, file string
		want       []string
	}{
		{"PK-3 leaf, chain and key", "leaf.p12", []string{
			"key PKCS#12 private key PKCS#12 key 1 #1 entry 1 key Ed25519",
			"certificate PKCS#12 certificate PKCS#12 certificate 1 #1 entry 1 leaf Ed25519",
			"certificate PKCS#12 certificate PKCS#12 certificate 2 #2 entry 1 chain Ed25519",
			"certificate PKCS#12 certificate PKCS#12 certificate 3 #3 entry 1 chain Ed25519"}},
		{"PK-3 truststore", "truststore.p12", []string{"certificate PKCS#12 certificate PKCS#12 certificate 1 #1 entry 1 certificate "}},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := &Reader{Password: pw}
			var items []string
			err := r.Read([]string{td + c.file}, Handler{Want: every,
				Item: func(it *Item) error {
					items = append(items, fmt.Sprintf("%s %s %s #%d entry %d %s %s", kindName[it.Kind], it.Label, it.Where, it.Index,
						it.Bundle.Entry, it.Bundle.Role, it.Bundle.KeyType))
					return nil
				},
				Error: func(err error) { t.Error(err) }, Skip: func(Skip) {}})
			if err != nil {
				t.Fatal(err)
			}
			if d := cmp.Diff(c.want, items); d != "" {
				t.Errorf("(-want +got):\n%s", d)
			}
		})
	}
	t.Run("wrong password", func(t *testing.T) {
		g := collect(t, &Reader{Password: func() ([]byte, error) { return []byte("nope"), nil }}, []string{td + "leaf.p12"}, every)
		if d := cmp.Diff([]string{td + "leaf.p12: PKCS#12 bundle: incorrect password"}, g.Errors); d != "" {
			t.Errorf("(-want +got):\n%s", d)
		}
	})
}

// TestPKCS12EveryEntry reads a keystore of two entries (keytool's aliases
// www and shop): every certificate, each paired with its entry's key and
// named by its alias (PK-3).
func TestPKCS12EveryEntry(t *testing.T) {
	var items []string
	r := &Reader{Password: func() ([]byte, error) { return []byte("Example2026"), nil }}
	r.Read([]string{td + "keystore.p12"}, Handler{Want: every,
		Item: func(it *Item) error {
			s := fmt.Sprintf("%s entry %d %s %q %s", kindName[it.Kind], it.Bundle.Entry, it.Bundle.Role, it.Bundle.Alias, it.Bundle.KeyType)
			if it.Cert != nil {
				s += " " + it.Cert.Subject.CommonName
			}
			items = append(items, s)
			return nil
		},
		Error: func(err error) { t.Error(err) }, Skip: func(Skip) {}})
	want := []string{
		`key entry 1 key "www" ECDSA P-256`, `certificate entry 1 leaf "www" ECDSA P-256 www.example.jp`,
		`key entry 2 key "shop" ECDSA P-256`, `certificate entry 2 leaf "shop" ECDSA P-256 shop.example.jp`,
	}
	if d := cmp.Diff(want, items); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

// TestNamedErrors checks the errors of arguments: a missing file, standard
// input named twice, a file that holds nothing wanted (named, so an error).
func TestNamedErrors(t *testing.T) {
	r := &Reader{Stdin: strings.NewReader(fixture(t, "leaf.pem"))}
	g := collect(t, r, []string{"-", "-", td + "nonexistent.pem", td + "leaf.key"}, func(k Kind) bool { return k == KindCertificate })
	want := got{
		Items: []string{"certificate CERTIFICATE block line 1 #1"},
		Errors: []string{
			"-: standard input named a second time",
			td + "nonexistent.pem: cannot open: no such file or directory",
			td + "leaf.key: holds 1 PRIVATE KEY block (want anything)",
		},
	}
	if d := cmp.Diff(want, g); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
}

// endless is an endless input of one byte, or of a repeated pattern,
// that counts what was read from it.
type endless struct {
	pattern []byte
	n       int64
}

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = e.pattern[(e.n+int64(i))%int64(len(e.pattern))]
	}
	e.n += int64(len(p))
	return len(p), nil
}

// TestBounded feeds endless inputs (as /dev/zero, yes(1), or a PEM block
// that never ends): each stops with an error, having read no more than a
// limit allows.
func TestBounded(t *testing.T) {
	limits := Limits{Line: 1 << 10, Block: 4 << 10, Total: 64 << 10}
	for _, c := range []struct {
		name    string
		pattern string
		max     int64 // bytes read at most
		want    string
	}{
		{"zeros", "\x00", 2 << 10, "-: line 1: binary data that is not DER (a NUL byte in the text) (want anything)"},
		{"no newline ever", "A", 2 << 10, "-: line 1: a line longer than 1 KiB (want PEM text)"},
		{"lines of text for ever", "y\n", 65<<10 + 1, "-: line 32769: more input than the 64 KiB one run reads"},
		{"a block that never ends", "-----BEGIN CERTIFICATE-----\nAAAA", 6 << 10, "-: line 1026: the CERTIFICATE block begun on line 1 is larger than 4 KiB"},
		{"a DER element too large", "\x30\x83\x10\x00\x00", 2 << 10, "-: byte 0: a DER element of 1048581 bytes, larger than 4 KiB"},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := &endless{pattern: []byte(c.pattern)}
			if c.name == "a block that never ends" {
				in.pattern = []byte("AAAA\n")
				r := &Reader{Stdin: io.MultiReader(strings.NewReader("-----BEGIN CERTIFICATE-----\n"), in), Limits: limits}
				g := collect(t, r, []string{"-"}, every)
				if d := cmp.Diff([]string{c.want}, g.Errors); d != "" || in.n > c.max {
					t.Errorf("read %d bytes (at most %d); errors (-want +got):\n%s", in.n, c.max, d)
				}
				return
			}
			r := &Reader{Stdin: in, Limits: limits}
			g := collect(t, r, []string{"-"}, every)
			if d := cmp.Diff([]string{c.want}, g.Errors); d != "" || in.n > c.max {
				t.Errorf("read %d bytes (at most %d); errors (-want +got):\n%s", in.n, c.max, d)
			}
		})
	}
}

// TestItemStop checks that an error of Handler.Item ends the read and is
// returned.
func TestItemStop(t *testing.T) {
	stop := errors.New("write error")
	r := &Reader{Stdin: strings.NewReader(fixture(t, "fullchain.pem"))}
	n := 0
	err := r.Read([]string{"-"}, Handler{Want: every, Item: func(*Item) error { n++; return stop },
		Error: func(err error) { t.Error(err) }, Skip: func(Skip) {}})
	if err != stop || n != 1 {
		t.Errorf("Read = %v after %d items; want the handler's error after 1", err, n)
	}
}

// TestReadNamed reads an embedded sample under its own name.
func TestReadNamed(t *testing.T) {
	r := &Reader{}
	var files []string
	err := r.ReadNamed("sample", bytes.NewReader([]byte(fixture(t, "fullchain.pem"))), Handler{Want: every,
		Item: func(it *Item) error { files = append(files, it.File); return nil }, Error: func(err error) { t.Error(err) }})
	if err != nil || !cmp.Equal(files, []string{"sample", "sample"}) {
		t.Errorf("ReadNamed: %v, files %v", err, files)
	}
}

// TestClean checks that no message of encoding/asn1 reaches an error.
func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"asn1: structure error: tags don't match (16 vs {class:2 tag:0})": "malformed DER",
		"x509: malformed tbs certificate":                                 "malformed tbs certificate",
		"x509: malformed extension OID field":                             "malformed extension OID field",
	} {
		if got := clean(errors.New(in)); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPKCS12BER reads PKCS#12 bundles in BER, as Bouncy Castle and NSS
// write them (indefinite lengths in the containers): the input layer hands
// them to pkce, which reads BER, and lists every entry. The vector is
// package pkce's (pkce/testdata/interop, Bouncy Castle 1.72's default
// KeyStore.store(): two aliases, alice and bob).
func TestPKCS12BER(t *testing.T) {
	const bc = "../../../pkce/testdata/interop/bc-default.p12"
	r := &Reader{Password: func() ([]byte, error) { return []byte("Passw0rd1"), nil }}
	var items []string
	err := r.Read([]string{bc}, Handler{Want: every,
		Item: func(it *Item) error {
			items = append(items, fmt.Sprintf("%s entry %d %s %q", kindName[it.Kind], it.Bundle.Entry, it.Bundle.Role, it.Bundle.Alias))
			return nil
		},
		Error: func(err error) { t.Error(err) }, Skip: func(Skip) {}})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) < 4 || items[0] != `key entry 1 key "alice"` || !slices.Contains(items, `key entry 2 key "bob"`) {
		t.Errorf("items %q: want the keys of alice and bob, each with its certificates", items)
	}
	// Without a password, the BER bundle is handed on whole, unopened.
	var p12 []*Item
	(&Reader{}).Read([]string{bc}, Handler{Want: every, Item: func(it *Item) error { p12 = append(p12, it); return nil },
		Error: func(err error) { t.Error(err) }, Skip: func(Skip) {}})
	data, _ := os.ReadFile(bc)
	if len(p12) != 1 || p12[0].Kind != KindPKCS12 || !bytes.Equal(p12[0].DER, data) {
		t.Errorf("without a password: %d items, want the one bundle, unopened and whole", len(p12))
	}
}
