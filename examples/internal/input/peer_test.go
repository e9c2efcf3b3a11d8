package input

import (
	"encoding/pem"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/certlife/certlife/examples/internal/clitest"
	"github.com/google/go-cmp/cmp"
)

// TestAgreesWithOpenSSL checks that the certificates read from the files
// openssl makes or reads in forms encoding/pem does not (PKCS#7 bags in DER
// and PEM, TRUSTED CERTIFICATE, PKCS#12 bundles) are the ones openssl
// itself reads from them, in the same order (PKCS#12: the same set; the
// order is the pairing's).
func TestAgreesWithOpenSSL(t *testing.T) {
	openssl := clitest.NeedTool(t, "openssl")
	for _, c := range []struct {
		file   string
		args   []string
		sorted bool
	}{
		{"bundle.p7b", []string{"pkcs7", "-inform", "DER", "-print_certs"}, false},
		{"bundle-p7b.pem", []string{"pkcs7", "-print_certs"}, false},
		{"trusted.pem", []string{"x509"}, false},
		{"chain.der", []string{"x509", "-inform", "DER"}, false}, // openssl reads the first only
		{"leaf.p12", []string{"pkcs12", "-nokeys", "-passin", "file:" + td + "password.txt"}, true},
		{"truststore.p12", []string{"pkcs12", "-nokeys", "-passin", "file:" + td + "password.txt"}, true},
	} {
		t.Run(c.file, func(t *testing.T) {
			out, err := exec.Command(openssl, append(c.args, "-in", td+c.file)...).Output()
			if err != nil {
				t.Fatalf("openssl %v: %v", c.args, err)
			}
			var want []string
			for rest := out; ; {
				var p *pem.Block
				if p, rest = pem.Decode(rest); p == nil {
					break
				}
				want = append(want, string(p.Bytes))
			}
			var got []string
			r := &Reader{Password: func() ([]byte, error) { return []byte("Example2026"), nil }}
			r.Read([]string{td + c.file}, Handler{Want: func(k Kind) bool { return k == KindCertificate },
				Item: func(it *Item) error {
					if it.Err != nil {
						t.Error(it.Err)
					} else {
						got = append(got, string(it.Cert.Raw))
					}
					return nil
				},
				Error: func(err error) { t.Error(err) }, Skip: func(Skip) {}})
			if c.file == "chain.der" {
				got = got[:1]
			}
			if c.sorted {
				slices.Sort(want)
				slices.Sort(got)
			}
			if len(want) == 0 || !cmp.Equal(want, got) {
				t.Errorf("read %d certificates, openssl %d; they differ: %s", len(got), len(want), strings.Join(c.args, " "))
			}
		})
	}
}
