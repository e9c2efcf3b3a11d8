// Package zlintdiff holds a differential test of certlife's validity
// package against zlint v3.7.3 (github.com/zmap/zlint), the linter CAs run
// before they issue. It has no code of its own: its tests generate
// certificates at every TV-6 step boundary, one second either side, in
// both measures (notAfter - notBefore and notAfter - notBefore + 1 s), in
// the TV-5 encoding shapes (UTCTime and GeneralizedTime around 2049/2050,
// missing seconds, fractions, offsets instead of Z, 99991231235959Z), in
// the shapes that decide scope (CA certificates, no EKU, a CA/Browser
// Forum policy without serverAuth, self-signed leaves), and with the
// clientAuth EKU before and after 2027-03-15; they run the matching zlint
// lints and validity's checks side by side, and they run both on test
// certificates from zlint's own suite (testdata/zlint, Apache-2.0).
//
// Every disagreement is either fixed in validity or listed in the test's
// table of deliberate differences, with the reason; the validity package
// documentation carries the same table. The test fails on an unlisted
// disagreement and on a listed one that no certificate shows any more.
//
// It lives in the peers module so that certlife's own module keeps its
// three dependencies. Run it with
//
//	go test ./peers/zlintdiff
package zlintdiff
