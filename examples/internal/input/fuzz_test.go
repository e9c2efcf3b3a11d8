package input

import (
	"bytes"
	"encoding/pem"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/crypto/cryptobyte"
	cbasn1 "golang.org/x/crypto/cryptobyte/asn1"
)

// fuzzLimits keep a fuzzed input small.
var fuzzLimits = Limits{Line: 256, Block: 4 << 10, Total: 64 << 10}

// FuzzScan reads arbitrary bytes as an input: it must not panic; every
// error is an *Error, in the package's own words (no encoding/asn1
// message); no more items come out than the bytes allow.
func FuzzScan(f *testing.F) {
	for _, name := range []string{"leaf.pem", "bom.pem", "crlf.pem", "trusted.pem", "bundle-p7b.pem", "bundle.p7b", "chain.der",
		"encrypted.key", "encrypted-traditional.key", "wrong.csr", "leaf.key", "keystore.jks"} {
		b, err := os.ReadFile(td + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		r := &Reader{Stdin: bytes.NewReader(data), Limits: fuzzLimits}
		items := 0
		check := func(err error) {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is a %T", err, err)
			}
			if bytes.Contains([]byte(e.Error()), []byte("asn1:")) {
				t.Fatalf("error with an encoding/asn1 message: %v", e)
			}
		}
		r.Read([]string{"-"}, Handler{Want: every,
			Item: func(it *Item) error {
				items++
				if it.Err != nil {
					check(it.Err)
				}
				return nil
			},
			Error: check, Skip: func(Skip) {}})
		if items > len(data) {
			t.Fatalf("%d items from %d bytes", items, len(data))
		}
	})
}

// FuzzPEMRoundTrip encodes arbitrary bytes as a PEM block, with text
// before it (and a byte order mark) and after it: the scanner must hand back
// exactly those bytes (the round trip).
func FuzzPEMRoundTrip(f *testing.F) {
	f.Add([]byte{0x30, 0x03, 0x02, 0x01, 0x05}, "leading text\n", true)
	f.Add([]byte("\x00\xff"), "", false)
	f.Add(bytes.Repeat([]byte{0xaa}, 200), "subject=CN=x\r\n", true)
	f.Fuzz(func(t *testing.T, payload []byte, before string, bom bool) {
		// Text with a dash or a NUL could be a boundary or binary; text
		// that starts with '0' and is not ASCII is read as DER; text that
		// starts with a UTF-16 byte order mark is UTF-16, refused (seed
		// 84e16d14ab0d0a7b, found by the fuzzer); and text that starts
		// with the magic number of a Java keystore is one, refused (seed
		// 47b7db4a29336447, found by the fuzzer in CI: "\xce\xce\xce\xce"
		// is JCEKS's).
		if bytes.ContainsAny([]byte(before), "-\x00") || len(before) > 200 || len(payload) > 2<<10 ||
			len(before) > 0 && before[0] == '0' ||
			!bom && (strings.HasPrefix(before, "\xfe\xff") || strings.HasPrefix(before, "\xff\xfe") ||
				strings.HasPrefix(before, string(jks)) || strings.HasPrefix(before, string(jceks))) {
			return
		}
		var in bytes.Buffer
		if bom {
			in.WriteString("\xef\xbb\xbf")
		}
		in.WriteString(before)
		in.WriteString("\n")
		pem.Encode(&in, &pem.Block{Type: "X509 CRL", Bytes: payload})
		in.WriteString("trailing text\n")
		var blocks [][]byte
		r := &Reader{Stdin: &in, Limits: fuzzLimits}
		r.Read([]string{"-"}, Handler{Want: every,
			Item: func(it *Item) error {
				if it.Err != nil {
					t.Fatalf("item error %v", it.Err)
				}
				blocks = append(blocks, it.DER)
				return nil
			},
			Error: func(err error) { t.Fatalf("error %v", err) }, Skip: func(Skip) {}})
		if len(blocks) != 1 || !bytes.Equal(blocks[0], payload) {
			t.Fatalf("round trip: got %x, want [%x]", blocks, payload)
		}
	})
}

// FuzzPKCS7 parses arbitrary bytes as a PKCS#7 SignedData: no panic,
// certificates that are sub-slices of the input, and a round trip: a
// degenerate SignedData built from the certificates found parses to the
// same certificates.
func FuzzPKCS7(f *testing.F) {
	for _, name := range []string{"bundle.p7b"} {
		b, err := os.ReadFile(td + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add(buildPKCS7([][]byte{{0x30, 0x00}}))
	f.Add(buildPKCS7(nil))
	f.Fuzz(func(t *testing.T, data []byte) {
		certs, err := parsePKCS7(data)
		if err != nil {
			return
		}
		for _, c := range certs {
			if len(c) == 0 || c[0] != 0x30 {
				t.Fatalf("certificate %x is not a SEQUENCE", c)
			}
		}
		again, err := parsePKCS7(buildPKCS7(certs))
		if err != nil {
			t.Fatalf("round trip: %v", err)
		}
		if d := cmp.Diff(certs, again); d != "" && len(certs) > 0 {
			t.Fatalf("round trip (-want +got):\n%s", d)
		}
	})
}

// buildPKCS7 builds a degenerate SignedData holding certs, as openssl
// crl2pkcs7 -nocrl does.
func buildPKCS7(certs [][]byte) []byte {
	var b cryptobyte.Builder
	b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
		b.AddASN1ObjectIdentifier(oidSignedData)
		b.AddASN1(cbasn1.Tag(0).Constructed().ContextSpecific(), func(b *cryptobyte.Builder) {
			b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) {
				b.AddASN1Int64(1)
				b.AddASN1(cbasn1.SET, func(*cryptobyte.Builder) {})
				b.AddASN1(cbasn1.SEQUENCE, func(b *cryptobyte.Builder) { b.AddASN1ObjectIdentifier(oidData) })
				if certs != nil {
					b.AddASN1(cbasn1.Tag(0).Constructed().ContextSpecific(), func(b *cryptobyte.Builder) {
						for _, c := range certs {
							b.AddBytes(c)
						}
					})
				}
				b.AddASN1(cbasn1.SET, func(*cryptobyte.Builder) {})
			})
		})
	})
	out, err := b.Bytes()
	if err != nil {
		return nil
	}
	return out
}

// TestFuzzCorpus checks that the seed corpora in testdata/fuzz are there,
// so that the fuzzers do not start from nothing.
func TestFuzzCorpus(t *testing.T) {
	for _, name := range []string{"FuzzScan", "FuzzPEMRoundTrip", "FuzzPKCS7"} {
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
