package main

import (
	"crypto/x509"
	"errors"
	"time"

	"github.com/certlife/certlife/examples/internal/x509text"
)

// verdict is what -verify says of one certificate.
type verdict struct {
	ok    bool
	chain []string // subjects from the certificate to the root, when ok
	err   string   // why not, when not ok
}

// verifyChain verifies c at the instant at with crypto/x509, to one of
// roots through inter, for any extended key usage (certinfo does not know
// what the certificate is for). The first chain x509 finds is shown.
func verifyChain(c *x509.Certificate, roots, inter *x509.CertPool, at time.Time) *verdict {
	chains, err := c.Verify(x509.VerifyOptions{Roots: roots, Intermediates: inter, CurrentTime: at,
		KeyUsages: []x509.ExtKeyUsage{x509.ExtKeyUsageAny}})
	if err != nil {
		return &verdict{err: verifyError(err)}
	}
	v := &verdict{ok: true}
	for _, x := range chains[0] {
		v.chain = append(v.chain, x509text.Name(x.RawSubject, &x.Subject))
	}
	return v
}

// verifyError says why a chain does not verify, in words.
func verifyError(err error) string {
	var ua x509.UnknownAuthorityError
	var ci x509.CertificateInvalidError
	switch {
	case errors.As(err, &ua):
		return "no chain to a trusted root: no certificate of the input or the roots issued it"
	case errors.As(err, &ci):
		switch ci.Reason {
		case x509.Expired:
			return "a certificate of the chain is not valid at -at: " + ci.Detail
		case x509.NotAuthorizedToSign:
			return "an issuer is not a CA certificate"
		case x509.TooManyIntermediates:
			return "an issuer's path length constraint is exceeded"
		case x509.IncompatibleUsage:
			return "the extended key usages of the chain do not agree"
		case x509.NameConstraintsWithoutSANs, x509.CANotAuthorizedForThisName, x509.CANotAuthorizedForExtKeyUsage:
			return "an issuer's constraints forbid it"
		}
	}
	s := err.Error()
	if len(s) > 6 && s[:6] == "x509: " {
		s = s[6:]
	}
	return s
}
