package x509text

import (
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"math/big"
	"strconv"
	"strings"

	"github.com/certlife/certlife/internal/serial"
)

// Serial returns a serial number as colon-separated lower-case hex bytes,
// as openssl x509 -text prints serials longer than eight bytes
// ("20:11:12:10"), the one way the library's messages print them too
// (internal/serial); a negative serial (which RFC 5280 4.1.2.2 forbids, but
// which exists) has a leading '-'.
func Serial(n *big.Int) string { return serial.Hex(n) }

// Fingerprint returns the SHA-256 fingerprint of a DER certificate as
// openssl x509 -fingerprint -sha256 prints it: colon-separated upper-case
// hex.
func Fingerprint(der []byte) string {
	sum := sha256.Sum256(der)
	b := make([]byte, 0, 3*len(sum))
	for i, x := range sum {
		if i > 0 {
			b = append(b, ':')
		}
		b = append(b, hexUpper[x>>4], hexUpper[x&15])
	}
	return string(b)
}

// KeyType names a public or private key with its size: "RSA 2048",
// "ECDSA P-256", "Ed25519"; other keys by their Go type.
func KeyType(key any) string {
	switch k := key.(type) {
	case *rsa.PublicKey:
		return "RSA " + strconv.Itoa(k.N.BitLen())
	case *rsa.PrivateKey:
		return "RSA " + strconv.Itoa(k.N.BitLen())
	case *ecdsa.PublicKey:
		return "ECDSA " + k.Curve.Params().Name
	case *ecdsa.PrivateKey:
		return "ECDSA " + k.Curve.Params().Name
	case ed25519.PublicKey, ed25519.PrivateKey, *ed25519.PrivateKey:
		return "Ed25519"
	case nil:
		return "none"
	}
	return "unknown key type"
}

// PublicKey names a certificate's public key: KeyType of the parsed key, or
// the algorithm x509 reports for a key it does not parse.
func PublicKey(c *x509.Certificate) string {
	if c.PublicKey == nil {
		return c.PublicKeyAlgorithm.String() + " (not parsed)"
	}
	return KeyType(c.PublicKey)
}

// keyUsages are the KeyUsage bits with their names in RFC 5280 4.2.1.3.
var keyUsages = []struct {
	bit  x509.KeyUsage
	name string
}{
	{x509.KeyUsageDigitalSignature, "digitalSignature"},
	{x509.KeyUsageContentCommitment, "contentCommitment"},
	{x509.KeyUsageKeyEncipherment, "keyEncipherment"},
	{x509.KeyUsageDataEncipherment, "dataEncipherment"},
	{x509.KeyUsageKeyAgreement, "keyAgreement"},
	{x509.KeyUsageCertSign, "keyCertSign"},
	{x509.KeyUsageCRLSign, "cRLSign"},
	{x509.KeyUsageEncipherOnly, "encipherOnly"},
	{x509.KeyUsageDecipherOnly, "decipherOnly"},
}

// KeyUsage lists the key usage bits by their RFC 5280 names; empty when
// the certificate has no key usage extension.
func KeyUsage(c *x509.Certificate) []string {
	out := []string{}
	for _, u := range keyUsages {
		if c.KeyUsage&u.bit != 0 {
			out = append(out, u.name)
		}
	}
	return out
}

// extKeyUsages are the names of the extended key usages in RFC 5280
// 4.2.1.12 and the registries after it.
var extKeyUsages = map[x509.ExtKeyUsage]string{
	x509.ExtKeyUsageAny:                            "anyExtendedKeyUsage",
	x509.ExtKeyUsageServerAuth:                     "serverAuth",
	x509.ExtKeyUsageClientAuth:                     "clientAuth",
	x509.ExtKeyUsageCodeSigning:                    "codeSigning",
	x509.ExtKeyUsageEmailProtection:                "emailProtection",
	x509.ExtKeyUsageIPSECEndSystem:                 "ipsecEndSystem",
	x509.ExtKeyUsageIPSECTunnel:                    "ipsecTunnel",
	x509.ExtKeyUsageIPSECUser:                      "ipsecUser",
	x509.ExtKeyUsageTimeStamping:                   "timeStamping",
	x509.ExtKeyUsageOCSPSigning:                    "OCSPSigning",
	x509.ExtKeyUsageMicrosoftServerGatedCrypto:     "msSGC",
	x509.ExtKeyUsageNetscapeServerGatedCrypto:      "nsSGC",
	x509.ExtKeyUsageMicrosoftCommercialCodeSigning: "msCodeCom",
	x509.ExtKeyUsageMicrosoftKernelCodeSigning:     "msKernelCodeSigning",
}

// ExtKeyUsage lists the extended key usages by their RFC 5280 names, and
// those Go does not know as dotted OIDs; empty without the extension.
func ExtKeyUsage(c *x509.Certificate) []string {
	out := []string{}
	for _, u := range c.ExtKeyUsage {
		if n, ok := extKeyUsages[u]; ok {
			out = append(out, n)
		} else {
			out = append(out, "unknown")
		}
	}
	for _, o := range c.UnknownExtKeyUsage {
		out = append(out, o.String())
	}
	return out
}

// SANs lists the subject alternative names as openssl prints them:
// "DNS:www.example.jp", "IP Address:192.0.2.1", "email:a@example.jp",
// "URI:https://example.jp/"; empty without the extension.
func SANs(c *x509.Certificate) []string {
	out := []string{}
	for _, n := range c.DNSNames {
		out = append(out, "DNS:"+n)
	}
	for _, ip := range c.IPAddresses {
		out = append(out, "IP Address:"+ip.String())
	}
	for _, e := range c.EmailAddresses {
		out = append(out, "email:"+e)
	}
	for _, u := range c.URIs {
		out = append(out, "URI:"+u.String())
	}
	return out
}

// BasicConstraints says what the basic constraints extension says, as
// openssl prints it: "CA:TRUE, pathlen:0", "CA:FALSE", or "" when absent.
func BasicConstraints(c *x509.Certificate) string {
	switch {
	case !c.BasicConstraintsValid:
		return ""
	case !c.IsCA:
		return "CA:FALSE"
	case c.MaxPathLen > 0 || c.MaxPathLenZero:
		return "CA:TRUE, pathlen:" + strconv.Itoa(c.MaxPathLen)
	}
	return "CA:TRUE"
}

// Join joins a list for text output, "none" when empty.
func Join(list []string) string {
	if len(list) == 0 {
		return "none"
	}
	return strings.Join(list, ", ")
}
