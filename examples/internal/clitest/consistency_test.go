package clitest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSameNameAndSerial checks that the four commands print the same
// certificate (examples/testdata's leaf: a 9-byte serial with the high bit
// set, a subject whose order differs from Go's pkix.Name order only in
// reversal) with the same name and the same serial, in text and in JSON,
// as their golden files show. (The messages of the libraries are their
// own: contract's AccessError prints a serial in decimal.)
func TestSameNameAndSerial(t *testing.T) {
	const (
		subject = "CN=www.example.jp,O=Example K.K.,L=Chiyoda-ku,ST=Tokyo,C=JP"
		serial  = "8c:20:26:01:01:00:00:00:01"
	)
	for _, g := range []string{
		"certinfo/testdata/golden/PKCS12_shows_the_key_and_certificate_pairing.txt",
		"certinfo/testdata/golden/PKCS7_PEM_bag_is_read.txt",
		"renewcheck/testdata/golden/held_as_PKCS7.txt",
		"p12check/testdata/golden/PK-3_a_bundle_of_the_shared_fixtures.txt",
		"contractcheck/testdata/golden/CT-1_certificate_of_no_contract.txt",
		"contractcheck/testdata/golden/CT-1_certificate_of_no_contract_json.txt",
	} {
		b, err := os.ReadFile(filepath.Join("..", "..", g))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{subject, serial} {
			if !strings.Contains(string(b), want) {
				t.Errorf("%s does not show %q", g, want)
			}
		}
		for _, other := range []string{`"8c2026010100000001"`, "serial 8c2026010100000001", "SERIALNUMBER=", "C=JP,ST=Tokyo"} {
			if strings.Contains(string(b), other) {
				t.Errorf("%s shows %q, another form", g, other)
			}
		}
	}
}
