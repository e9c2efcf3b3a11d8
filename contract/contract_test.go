package contract_test

import (
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/certlife/certlife/contract"
	"github.com/certlife/certlife/tz"
	"github.com/google/go-cmp/cmp"
)

// fy26 is the contract most cases use: 2026-04-01 to 2027-03-31, JST.
var fy26 = contract.Contract{ID: "C-2026-0001", Start: date(2026, 4, 1), End: date(2027, 3, 31)}

// accessResult is what an Access case compares: the reason (0 for access
// allowed) and the instant the decision was compared with.
type accessResult struct {
	Reason  contract.Reason
	Limit   time.Time
	Revoked bool // errors.Is(err, ErrRevoked)
}

func accessOf(t *testing.T, err error) accessResult {
	t.Helper()
	if err == nil {
		return accessResult{}
	}
	var ae *contract.AccessError
	if !errors.As(err, &ae) {
		t.Fatalf("error %v (%T) is not an *AccessError", err, err)
	}
	if !strings.HasPrefix(err.Error(), "contract: ") {
		t.Errorf("message %q lacks the package prefix", err)
	}
	return accessResult{Reason: ae.Reason, Limit: ae.Limit, Revoked: errors.Is(err, contract.ErrRevoked)}
}

func TestAccess(t *testing.T) {
	// A certificate issued a week into the contract and valid for ten
	// years: it outlives the contract (CT-1).
	long := certFor(t, fy26.ID, jst(2026, 4, 8, 10, 0, 0, 0), time.Date(2036, 4, 7, 23, 59, 59, 0, time.UTC))
	// A certificate that the contract outlives: it expires at the end of
	// 2026 (UTC), three months before the contract ends.
	short := certFor(t, fy26.ID, jst(2026, 4, 8, 10, 0, 0, 0), time.Date(2026, 12, 31, 23, 59, 59, 0, time.UTC))
	other := certFor(t, "C-2026-0002", jst(2026, 4, 8, 10, 0, 0, 0), time.Date(2036, 4, 7, 23, 59, 59, 0, time.UTC))
	// CT-10: a copy of the file on another administrator's PC is the same
	// DER, parsed again.
	copied, err := x509.ParseCertificate(append([]byte(nil), long.Raw...))
	if err != nil {
		t.Fatal(err)
	}
	lower := certFor(t, "c-2026-0001", jst(2026, 4, 8, 10, 0, 0, 0), time.Date(2036, 4, 7, 23, 59, 59, 0, time.UTC))

	// A contract beyond the service end, and one across 2049/2050.
	late := contract.Contract{ID: "C-2028-0007", Start: date(2028, 1, 1), End: date(2029, 3, 31)}
	lateCert := certFor(t, late.ID, jst(2028, 1, 9, 9, 0, 0, 0), time.Date(2038, 1, 1, 0, 0, 0, 0, time.UTC))
	c2049 := contract.Contract{ID: "C-2049", Start: date(2049, 1, 1), End: date(2049, 12, 31)}
	cert2049 := certFor(t, c2049.ID, jst(2049, 1, 8, 0, 0, 0, 0), time.Date(2059, 1, 1, 0, 0, 0, 0, time.UTC))
	svc2050 := contract.Service{End: date(2050, 12, 31)}
	leap := contract.Contract{ID: "C-LEAP", Start: date(2027, 3, 1), End: date(2028, 2, 29)}
	leapCert := certFor(t, leap.ID, jst(2027, 3, 8, 0, 0, 0, 0), time.Date(2037, 1, 1, 0, 0, 0, 0, time.UTC))

	// CT-4: the service end extended to 2030-06-30 by a decision taken on
	// 2028-01-15 at 10:00 JST; certificates issued before it must be
	// replaced by 2029-07-31.
	decided := jst(2028, 1, 15, 10, 0, 0, 0)
	extended, err := contract.DefaultService().ExtendEnd(date(2030, 6, 30), decided)
	if err != nil {
		t.Fatal(err)
	}
	c28 := contract.Contract{ID: "C-2028-0100", Start: date(2027, 10, 1), End: date(2030, 3, 31)}
	oldCert := certFor(t, c28.ID, jst(2027, 10, 8, 10, 0, 0, 0), time.Date(2037, 10, 8, 0, 0, 0, 0, time.UTC))
	newCert := certFor(t, c28.ID, decided, time.Date(2038, 1, 15, 0, 0, 0, 0, time.UTC))
	justBefore := certFor(t, c28.ID, decided.Add(-time.Second), time.Date(2038, 1, 15, 0, 0, 0, 0, time.UTC))

	// A contract ending on the service end day, one ending before the
	// replacement deadline, and old certificates whose NotAfter comes
	// before or within the last second before the deadline.
	onServiceEnd := contract.Contract{ID: late.ID, Start: date(2027, 7, 1), End: date(2028, 6, 30)}
	onServiceEndCert := certFor(t, late.ID, jst(2027, 7, 8, 9, 0, 0, 0), time.Date(2038, 1, 1, 0, 0, 0, 0, time.UTC))
	endsMarch29 := contract.Contract{ID: c28.ID, Start: date(2027, 10, 1), End: date(2029, 3, 31)}
	oldExpiring := certFor(t, c28.ID, jst(2027, 10, 8, 10, 0, 0, 0), jst(2029, 6, 30, 23, 59, 59, 0))
	oldToLastSecond := certFor(t, c28.ID, jst(2027, 10, 8, 10, 0, 0, 0), jst(2029, 7, 31, 23, 59, 59, 0))
	oldToDeadline := certFor(t, c28.ID, jst(2027, 10, 8, 10, 0, 0, 0), jst(2029, 8, 1, 0, 0, 0, 0))

	byCN := certFor(t, "unused", jst(2026, 4, 8, 10, 0, 0, 0), time.Date(2036, 4, 7, 23, 59, 59, 0, time.UTC))
	byCN.Subject = pkix.Name{CommonName: fy26.ID, Organization: []string{"Example Customer K.K."}}
	inOU := certFor(t, "unused", jst(2026, 4, 8, 10, 0, 0, 0), time.Date(2036, 4, 7, 23, 59, 59, 0, time.UTC))
	inOU.Subject = pkix.Name{CommonName: "update client", OrganizationalUnit: []string{"support", fy26.ID}}
	inO := certFor(t, "unused", jst(2026, 4, 8, 10, 0, 0, 0), time.Date(2036, 4, 7, 23, 59, 59, 0, time.UTC))
	inO.Subject = pkix.Name{CommonName: "update client", Organization: []string{fy26.ID}}
	strict := contract.Service{Binding: contract.BindSubjectSerialNumber}

	byOU := contract.Service{Binding: func(cert *x509.Certificate, id string) bool {
		return len(cert.Subject.OrganizationalUnit) > 0 && cert.Subject.OrganizationalUnit[0] == "OU-"+id
	}}

	tests := []struct {
		name string
		why  string
		c    contract.Contract
		cert *x509.Certificate
		at   time.Time
		s    contract.Service
		want accessResult
	}{
		{
			name: "CT-2 allowed from the first instant of the start day",
			why:  "the contract is in force from 00:00 JST of Start",
			c:    fy26, cert: long, at: jst(2026, 4, 8, 10, 0, 0, 0),
		},
		{
			name: "CT-2 allowed at the last nanosecond of the end day JST",
			why:  "End is inclusive through 23:59:59.999999999 JST",
			c:    fy26, cert: long, at: jst(2027, 3, 31, 23, 59, 59, lastNS),
		},
		{
			name: "CT-2 allowed at the last nanosecond of the end day given in UTC",
			why:  "2027-03-31T14:59:59.999999999Z is 23:59:59.999999999 JST",
			c:    fy26, cert: long, at: time.Date(2027, 3, 31, 14, 59, 59, lastNS, time.UTC),
		},
		{
			name: "CT-2 contract ended at the first instant after the end day JST: revoked",
			why:  "the contract ended without extension; the certificate counts as revoked",
			c:    fy26, cert: long, at: jst(2027, 4, 1, 0, 0, 0, 0),
			want: accessResult{Reason: contract.ReasonContractEnded, Limit: jst(2027, 4, 1, 0, 0, 0, 0), Revoked: true},
		},
		{
			name: "CT-2 contract ended, instant given in UTC on the end date",
			why:  "2027-03-31T15:00:00Z is already 2027-04-01 in JST",
			c:    fy26, cert: long, at: time.Date(2027, 3, 31, 15, 0, 0, 0, time.UTC),
			want: accessResult{Reason: contract.ReasonContractEnded, Limit: jst(2027, 4, 1, 0, 0, 0, 0), Revoked: true},
		},
		{
			name: "CT-2 contract not started one nanosecond before the start day JST",
			c:    fy26, cert: long, at: jst(2026, 3, 31, 23, 59, 59, lastNS),
			want: accessResult{Reason: contract.ReasonContractNotStarted, Limit: jst(2026, 4, 1, 0, 0, 0, 0)},
		},
		{
			name: "CT-2 contract ending on 29 February: allowed through that day",
			c:    leap, cert: leapCert, at: jst(2028, 2, 29, 23, 59, 59, lastNS),
		},
		{
			name: "CT-2 contract ending on 29 February: ended on 1 March JST",
			c:    leap, cert: leapCert, at: jst(2028, 3, 1, 0, 0, 0, 0),
			want: accessResult{Reason: contract.ReasonContractEnded, Limit: jst(2028, 3, 1, 0, 0, 0, 0), Revoked: true},
		},
		{
			name: "CT-2 contract ending 2049-12-31: allowed on its last nanosecond",
			why:  "the certificate's NotAfter is a 2059 GeneralizedTime; only the contract matters",
			c:    c2049, cert: cert2049, at: jst(2049, 12, 31, 23, 59, 59, lastNS), s: svc2050,
		},
		{
			name: "CT-2 contract ending 2049-12-31: ended at 2050-01-01 JST",
			c:    c2049, cert: cert2049, at: jst(2050, 1, 1, 0, 0, 0, 0), s: svc2050,
			want: accessResult{Reason: contract.ReasonContractEnded, Limit: jst(2050, 1, 1, 0, 0, 0, 0), Revoked: true},
		},
		{
			name: "CT-1 a certificate that outlives the contract is refused after the contract",
			why:  "NotAfter is 2036 but the contract ended on 2027-03-31: the contract decides",
			c:    fy26, cert: long, at: jst(2027, 6, 1, 12, 0, 0, 0),
			want: accessResult{Reason: contract.ReasonContractEnded, Limit: jst(2027, 4, 1, 0, 0, 0, 0), Revoked: true},
		},
		{
			name: "CT-1 a contract that outlives the certificate: allowed at NotAfter itself",
			why:  "RFC 5280 4.1.2.5: NotAfter is included",
			c:    fy26, cert: short, at: time.Date(2026, 12, 31, 23, 59, 59, 0, time.UTC),
		},
		{
			name: "CT-1 a contract that outlives the certificate: expired one nanosecond after NotAfter",
			why:  "the contract being in force does not revive an expired certificate",
			c:    fy26, cert: short, at: time.Date(2026, 12, 31, 23, 59, 59, 1, time.UTC),
			want: accessResult{Reason: contract.ReasonCertExpired, Limit: time.Date(2026, 12, 31, 23, 59, 59, 0, time.UTC)},
		},
		{
			name: "TV-3 certificate not yet valid one nanosecond before NotBefore",
			why:  "the contract is in force but the certificate starts a week later",
			c:    fy26, cert: long, at: jst(2026, 4, 8, 9, 59, 59, lastNS),
			want: accessResult{Reason: contract.ReasonCertNotYetValid, Limit: jst(2026, 4, 8, 10, 0, 0, 0)},
		},
		{
			name: "CT-1 certificate of another contract is not bound",
			c:    fy26, cert: other, at: jst(2026, 6, 1, 0, 0, 0, 0),
			want: accessResult{Reason: contract.ReasonNotBound},
		},
		{
			name: "CT-1 binding compares the contract ID exactly, without case folding",
			c:    fy26, cert: lower, at: jst(2026, 6, 1, 0, 0, 0, 0),
			want: accessResult{Reason: contract.ReasonNotBound},
		},
		{
			name: "CT-1 not bound takes precedence over contract ended",
			why:  "a certificate of another contract says nothing about this one",
			c:    fy26, cert: other, at: jst(2030, 1, 1, 0, 0, 0, 0),
			want: accessResult{Reason: contract.ReasonNotBound},
		},
		{
			name: "CT-1 the default binding reads the common name",
			c:    fy26, cert: byCN, at: jst(2026, 6, 1, 0, 0, 0, 0),
		},
		{
			name: "CT-1 the default binding reads any organizational unit",
			c:    fy26, cert: inOU, at: jst(2026, 6, 1, 0, 0, 0, 0),
		},
		{
			name: "CT-1 the default binding does not read the organization",
			why:  "an organization names the customer, not one of its contracts",
			c:    fy26, cert: inO, at: jst(2026, 6, 1, 0, 0, 0, 0),
			want: accessResult{Reason: contract.ReasonNotBound},
		},
		{
			name: "CT-1 BindSubjectSerialNumber ignores the common name",
			c:    fy26, cert: byCN, at: jst(2026, 6, 1, 0, 0, 0, 0), s: strict,
			want: accessResult{Reason: contract.ReasonNotBound},
		},
		{
			name: "CT-1 BindSubjectSerialNumber reads the serialNumber",
			c:    fy26, cert: long, at: jst(2026, 6, 1, 0, 0, 0, 0), s: strict,
		},
		{
			name: "CT-1 a custom Binding reads the organizational unit",
			c:    fy26, cert: long, at: jst(2026, 6, 1, 0, 0, 0, 0), s: byOU,
		},
		{
			name: "CT-10 a copy of the certificate on another PC gives the same access",
			why:  "copying is not issuance; the copy is the same certificate",
			c:    fy26, cert: copied, at: jst(2026, 9, 1, 12, 0, 0, 0),
		},
		{
			name: "CT-10 a copy is refused exactly when the original is",
			c:    fy26, cert: copied, at: jst(2027, 4, 1, 0, 0, 0, 0),
			want: accessResult{Reason: contract.ReasonContractEnded, Limit: jst(2027, 4, 1, 0, 0, 0, 0), Revoked: true},
		},
		{
			name: "CT-11 the certificate proves only its own contract",
			why:  "presented for any other contract ID (another system's account) it is not bound",
			c:    contract.Contract{ID: "customer-own-system", Start: date(2026, 4, 1), End: date(2027, 3, 31)},
			cert: long, at: jst(2026, 6, 1, 0, 0, 0, 0),
			want: accessResult{Reason: contract.ReasonNotBound},
		},
		{
			name: "CT-4 allowed on the last nanosecond of the service, 2028-06-30 JST",
			c:    late, cert: lateCert, at: jst(2028, 6, 30, 23, 59, 59, lastNS),
		},
		{
			name: "CT-4 service ended at 2028-07-01 JST although the contract runs to 2029",
			c:    late, cert: lateCert, at: jst(2028, 7, 1, 0, 0, 0, 0),
			want: accessResult{Reason: contract.ReasonServiceEnded, Limit: jst(2028, 7, 1, 0, 0, 0, 0)},
		},
		{
			name: "CT-4 the zero Service is the default: service ended",
			c:    late, cert: lateCert, at: jst(2028, 7, 1, 0, 0, 0, 0), s: contract.Service{},
			want: accessResult{Reason: contract.ReasonServiceEnded, Limit: jst(2028, 7, 1, 0, 0, 0, 0)},
		},
		{
			name: "CT-4 service extended: the same contract is allowed after 2028-06-30",
			c:    late, cert: lateCert, at: jst(2028, 7, 1, 0, 0, 0, 0), s: extended,
		},
		{
			name: "CT-4 old certificate allowed on the last nanosecond of 2029-07-31 JST",
			c:    c28, cert: oldCert, at: jst(2029, 7, 31, 23, 59, 59, lastNS), s: extended,
		},
		{
			name: "CT-4 old certificate replaced from 2029-08-01 JST",
			why:  "issued 2027-10-08, before the decision of 2028-01-15",
			c:    c28, cert: oldCert, at: jst(2029, 8, 1, 0, 0, 0, 0), s: extended,
			want: accessResult{Reason: contract.ReasonReplaced, Limit: jst(2029, 8, 1, 0, 0, 0, 0)},
		},
		{
			name: "CT-4 certificate issued one second before the decision is old",
			c:    c28, cert: justBefore, at: jst(2029, 8, 1, 0, 0, 0, 0), s: extended,
			want: accessResult{Reason: contract.ReasonReplaced, Limit: jst(2029, 8, 1, 0, 0, 0, 0)},
		},
		{
			name: "CT-4 certificate issued at the decision instant is a replacement",
			c:    c28, cert: newCert, at: jst(2029, 8, 1, 0, 0, 0, 0), s: extended,
		},
		{
			name: "CT-4 a contract running past the service end: service ended after both ended",
			why:  "the service ended first (2028-07-01), the contract on 2029-04-01",
			c:    late, cert: lateCert, at: jst(2029, 6, 1, 0, 0, 0, 0),
			want: accessResult{Reason: contract.ReasonServiceEnded, Limit: jst(2028, 7, 1, 0, 0, 0, 0)},
		},
		{
			name: "CT-2 a contract that ended before the service end is still revoked after it",
			why:  "the contract ended on 2027-03-31; the service end of 2028-06-30 came later",
			c:    fy26, cert: long, at: jst(2028, 7, 1, 0, 0, 0, 0),
			want: accessResult{Reason: contract.ReasonContractEnded, Limit: jst(2027, 4, 1, 0, 0, 0, 0), Revoked: true},
		},
		{
			name: "CT-2 a contract that ended before an extended service end is revoked years later",
			c:    fy26, cert: long, at: jst(2031, 1, 1, 0, 0, 0, 0), s: extended,
			want: accessResult{Reason: contract.ReasonContractEnded, Limit: jst(2027, 4, 1, 0, 0, 0, 0), Revoked: true},
		},
		{
			name: "CT-2 a contract ending on the service end day is revoked, not service-ended",
			why:  "both end at 2028-07-01T00:00 JST; on a tie the contract is the reason",
			c:    onServiceEnd, cert: onServiceEndCert, at: jst(2028, 7, 1, 0, 0, 0, 0),
			want: accessResult{Reason: contract.ReasonContractEnded, Limit: jst(2028, 7, 1, 0, 0, 0, 0), Revoked: true},
		},
		{
			name: "CT-4 a contract starting after the service end: service ended, not not-started",
			c:    contract.Contract{ID: late.ID, Start: date(2028, 8, 1), End: date(2029, 7, 31)}, cert: lateCert,
			at:   jst(2028, 7, 15, 0, 0, 0, 0),
			want: accessResult{Reason: contract.ReasonServiceEnded, Limit: jst(2028, 7, 1, 0, 0, 0, 0)},
		},
		{
			name: "CT-4 a contract that ended before the replacement deadline: revoked, not replaced",
			why:  "the replacement does not concern a certificate whose contract ended on 2029-03-31",
			c:    endsMarch29, cert: oldCert, at: jst(2029, 8, 1, 0, 0, 0, 0), s: extended,
			want: accessResult{Reason: contract.ReasonContractEnded, Limit: jst(2029, 4, 1, 0, 0, 0, 0), Revoked: true},
		},
		{
			name: "CT-4 after the replacement deadline and the contract end: revoked, not replaced",
			why:  "the replacement certificate would not help either: the contract has ended",
			c:    c28, cert: oldCert, at: jst(2030, 4, 1, 0, 0, 0, 0), s: extended,
			want: accessResult{Reason: contract.ReasonContractEnded, Limit: jst(2030, 4, 1, 0, 0, 0, 0), Revoked: true},
		},
		{
			name: "CT-4 the replacement certificate after the contract end: revoked",
			c:    c28, cert: newCert, at: jst(2030, 4, 1, 0, 0, 0, 0), s: extended,
			want: accessResult{Reason: contract.ReasonContractEnded, Limit: jst(2030, 4, 1, 0, 0, 0, 0), Revoked: true},
		},
		{
			name: "CT-4 an old certificate that expired before the deadline: expired, not replaced",
			c:    c28, cert: oldExpiring, at: jst(2029, 8, 1, 0, 0, 0, 0), s: extended,
			want: accessResult{Reason: contract.ReasonCertExpired, Limit: oldExpiring.NotAfter},
		},
		{
			name: "CT-4 an old certificate expiring at the deadline's last second: expired first",
			why:  "NotAfter 2029-07-31T23:59:59 JST is refused from 23:59:59.000000001, before the deadline",
			c:    c28, cert: oldToLastSecond, at: jst(2029, 8, 1, 0, 0, 0, 0), s: extended,
			want: accessResult{Reason: contract.ReasonCertExpired, Limit: oldToLastSecond.NotAfter},
		},
		{
			name: "CT-4 an old certificate whose NotAfter is the deadline itself: replaced",
			why:  "NotAfter 2029-08-01T00:00:00 JST is refused from one nanosecond after the deadline",
			c:    c28, cert: oldToDeadline, at: jst(2029, 8, 1, 0, 0, 0, 1), s: extended,
			want: accessResult{Reason: contract.ReasonReplaced, Limit: jst(2029, 8, 1, 0, 0, 0, 0)},
		},
		{
			name: "CT-4 no replacement decided: an old certificate is never replaced",
			c:    c28, cert: oldCert, at: jst(2028, 6, 30, 12, 0, 0, 0),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := accessOf(t, contract.Access(tt.c, tt.cert, tt.at, tt.s))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Access at %v: (-want +got)\n%s\nwhy: %s", tt.at, diff, tt.why)
			}
		})
	}
}

func TestAccessCT3ExtensionKeepsTheCertificate(t *testing.T) {
	cert := certFor(t, fy26.ID, jst(2026, 4, 8, 10, 0, 0, 0), time.Date(2036, 4, 7, 23, 59, 59, 0, time.UTC))
	at := jst(2027, 4, 1, 0, 0, 0, 0)
	if err := contract.Access(fy26, cert, at, contract.Service{}); !errors.Is(err, contract.ErrRevoked) {
		t.Fatalf("CT-2 before extension: Access = %v, want ErrRevoked", err)
	}
	ext, err := fy26.Extend(date(2028, 3, 31), jst(2027, 3, 31, 23, 59, 59, lastNS))
	if err != nil {
		t.Fatal(err)
	}
	if err := contract.Access(ext, cert, at, contract.Service{}); err != nil {
		t.Errorf("CT-3 the same certificate after extension: Access = %v, want nil", err)
	}
}

func TestAccessCT10CopiesGiveTheSameAccess(t *testing.T) {
	// CT-10: the file may be copied to any number of PCs. Each copy is the
	// same DER; every parse of it is accepted alike.
	orig := certFor(t, fy26.ID, jst(2026, 4, 8, 10, 0, 0, 0), time.Date(2036, 4, 7, 23, 59, 59, 0, time.UTC))
	for pc := 0; pc < 5; pc++ {
		copyOf, err := x509.ParseCertificate(append([]byte(nil), orig.Raw...))
		if err != nil {
			t.Fatal(err)
		}
		if err := contract.Access(fy26, copyOf, jst(2026, 9, 1, 12, 0, 0, 0), contract.Service{}); err != nil {
			t.Errorf("CT-10 copy %d: Access = %v, want nil", pc, err)
		}
	}
}

func TestAccessInputErrors(t *testing.T) {
	cert := certFor(t, fy26.ID, jst(2026, 4, 8, 10, 0, 0, 0), time.Date(2036, 4, 7, 23, 59, 59, 0, time.UTC))
	at := jst(2026, 6, 1, 0, 0, 0, 0)
	tests := []struct {
		name string
		c    contract.Contract
		cert *x509.Certificate
		at   time.Time
		s    contract.Service
	}{
		{name: "CT-1 nil certificate", c: fy26, at: at},
		{name: "CT-2 zero instant is a caller bug, not now", c: fy26, cert: cert},
		{name: "CT-1 empty contract ID", c: contract.Contract{Start: fy26.Start, End: fy26.End}, cert: cert, at: at},
		{name: "CT-2 end before start", c: contract.Contract{ID: fy26.ID, Start: fy26.End, End: fy26.Start}, cert: cert, at: at},
		{name: "CT-2 invalid end date 2027-02-29", c: contract.Contract{ID: fy26.ID, Start: fy26.Start, End: date(2027, 2, 29)}, cert: cert, at: at},
		{name: "CT-2 zero start date", c: contract.Contract{ID: fy26.ID, End: fy26.End}, cert: cert, at: at},
		{name: "CT-4 invalid service end", c: fy26, cert: cert, at: at, s: contract.Service{End: date(2028, 6, 31)}},
		{name: "CT-4 replacement date without its decision", c: fy26, cert: cert, at: at, s: contract.Service{ReplaceBy: date(2029, 7, 31)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := contract.Access(tt.c, tt.cert, tt.at, tt.s)
			var ie *contract.InputError
			if !errors.As(err, &ie) || !errors.Is(err, contract.ErrInvalidInput) {
				t.Fatalf("Access = %v (%T), want *InputError matching ErrInvalidInput", err, err)
			}
			if ie.Func != "Access" {
				t.Errorf("Func = %q, want Access", ie.Func)
			}
		})
	}
}

func TestExtend(t *testing.T) {
	type result struct {
		End       tz.Date
		Reason    contract.Reason
		NewNeeded bool // errors.Is(err, ErrNewContractNeeded)
	}
	tests := []struct {
		name     string
		why      string
		newEnd   tz.Date
		agreedAt time.Time
		want     result
	}{
		{
			name:   "CT-3 agreed on the last nanosecond of the end day JST",
			newEnd: date(2028, 3, 31), agreedAt: jst(2027, 3, 31, 23, 59, 59, lastNS),
			want: result{End: date(2028, 3, 31)},
		},
		{
			name:   "CT-3 agreed months before the end",
			newEnd: date(2028, 3, 31), agreedAt: jst(2026, 10, 1, 9, 0, 0, 0),
			want: result{End: date(2028, 3, 31)},
		},
		{
			name:   "CT-3 agreed even before the contract started",
			newEnd: date(2028, 3, 31), agreedAt: jst(2026, 3, 1, 9, 0, 0, 0),
			want: result{End: date(2028, 3, 31)},
		},
		{
			name:   "CT-3 agreed at 14:59:59Z on the end date, still that day in JST",
			newEnd: date(2028, 3, 31), agreedAt: time.Date(2027, 3, 31, 14, 59, 59, lastNS, time.UTC),
			want: result{End: date(2028, 3, 31)},
		},
		{
			name:   "CT-3 agreed at the first instant after the end day: new contract needed",
			newEnd: date(2028, 3, 31), agreedAt: jst(2027, 4, 1, 0, 0, 0, 0),
			want: result{End: fy26.End, Reason: contract.ReasonExtensionTooLate, NewNeeded: true},
		},
		{
			name:   "CT-3 agreed at 15:00Z on the end date, already the next day in JST",
			why:    "a UTC reading of the end date would wrongly allow it",
			newEnd: date(2028, 3, 31), agreedAt: time.Date(2027, 3, 31, 15, 0, 0, 0, time.UTC),
			want: result{End: fy26.End, Reason: contract.ReasonExtensionTooLate, NewNeeded: true},
		},
		{
			name:   "CT-3 new end equal to the current end",
			newEnd: fy26.End, agreedAt: jst(2027, 1, 1, 0, 0, 0, 0),
			want: result{End: fy26.End, Reason: contract.ReasonEndNotLater},
		},
		{
			name:   "CT-3 new end before the current end",
			newEnd: date(2026, 12, 31), agreedAt: jst(2026, 10, 1, 0, 0, 0, 0),
			want: result{End: fy26.End, Reason: contract.ReasonEndNotLater},
		},
		{
			name:   "CT-3 too late takes precedence over a bad new end",
			why:    "the contract has ended: whatever the new end, a new contract is needed",
			newEnd: fy26.End, agreedAt: jst(2027, 5, 1, 0, 0, 0, 0),
			want: result{End: fy26.End, Reason: contract.ReasonExtensionTooLate, NewNeeded: true},
		},
		{
			name:   "CT-3 extended to 29 February",
			newEnd: date(2028, 2, 29), agreedAt: jst(2027, 3, 1, 0, 0, 0, 0),
			want: result{End: date(2028, 2, 29)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := fy26.Extend(tt.newEnd, tt.agreedAt)
			got := result{End: c.End, NewNeeded: errors.Is(err, contract.ErrNewContractNeeded)}
			if err != nil {
				var ee *contract.ExtendError
				if !errors.As(err, &ee) {
					t.Fatalf("Extend error %v (%T) is not an *ExtendError", err, err)
				}
				got.Reason = ee.Reason
				if ee.Reason == contract.ReasonExtensionTooLate && !strings.Contains(err.Error(), "a new contract is needed") {
					t.Errorf("message %q does not say a new contract is needed", err)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Extend(%v, %v): (-want +got)\n%s\nwhy: %s", tt.newEnd, tt.agreedAt, diff, tt.why)
			}
			if c.ID != fy26.ID || c.Start != fy26.Start {
				t.Errorf("Extend changed ID or Start: %+v", c)
			}
		})
	}
}

func TestExtendInputErrors(t *testing.T) {
	tests := []struct {
		name     string
		c        contract.Contract
		newEnd   tz.Date
		agreedAt time.Time
	}{
		{name: "CT-3 zero agreedAt", c: fy26, newEnd: date(2028, 3, 31)},
		{name: "CT-3 invalid new end", c: fy26, newEnd: date(2028, 2, 30), agreedAt: jst(2027, 1, 1, 0, 0, 0, 0)},
		{name: "CT-3 invalid contract", c: contract.Contract{ID: "x"}, newEnd: date(2028, 3, 31), agreedAt: jst(2027, 1, 1, 0, 0, 0, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.c.Extend(tt.newEnd, tt.agreedAt)
			if !errors.Is(err, contract.ErrInvalidInput) {
				t.Fatalf("Extend = %v, want ErrInvalidInput", err)
			}
			if diff := cmp.Diff(tt.c, got); diff != "" {
				t.Errorf("Extend changed the contract on error: (-want +got)\n%s", diff)
			}
		})
	}
}

func TestServiceExtendEnd(t *testing.T) {
	decided := jst(2028, 1, 15, 10, 0, 0, 0)
	got, err := contract.DefaultService().ExtendEnd(date(2030, 6, 30), decided)
	if err != nil {
		t.Fatal(err)
	}
	want := contract.Service{End: date(2030, 6, 30), ReplaceBy: date(2029, 7, 31), ReplacementDecided: decided}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("CT-4 ExtendEnd: (-want +got)\n%s", diff)
	}
	// A second extension keeps the replacement already decided.
	again, err := got.ExtendEnd(date(2031, 6, 30), jst(2030, 1, 10, 0, 0, 0, 0))
	if err != nil {
		t.Fatal(err)
	}
	want.End = date(2031, 6, 30)
	if diff := cmp.Diff(want, again); diff != "" {
		t.Errorf("CT-4 second ExtendEnd: (-want +got)\n%s", diff)
	}
	for _, bad := range []struct {
		name   string
		newEnd tz.Date
		at     time.Time
	}{
		{"CT-4 zero decision instant", date(2030, 6, 30), time.Time{}},
		{"CT-4 new end not after 2028-06-30", date(2028, 6, 30), decided},
		{"CT-4 invalid new end", date(2030, 6, 31), decided},
	} {
		if _, err := (contract.Service{}).ExtendEnd(bad.newEnd, bad.at); !errors.Is(err, contract.ErrInvalidInput) {
			t.Errorf("%s: ExtendEnd = %v, want ErrInvalidInput", bad.name, err)
		}
	}
	if diff := cmp.Diff(date(2028, 6, 30), contract.DefaultService().End); diff != "" {
		t.Errorf("CT-4 DefaultService().End: (-want +got)\n%s", diff)
	}
}

// TestNotBoundMessageSerial checks that a refusal names the certificate by
// its serial as the example commands print serials: colon-separated
// lower-case hex, so that the serial in a log line can be found in their
// output.
func TestNotBoundMessageSerial(t *testing.T) {
	for _, c := range []struct {
		name   string
		serial *big.Int
		want   string
	}{
		{"CT-1 a 3-byte serial", big.NewInt(0x0c2026), "(certificate serial 0c:20:26)"},
		{"CT-1 a 9-byte serial", new(big.Int).SetBytes([]byte{0x8c, 0x20, 0x26, 1, 1, 0, 0, 0, 1}), "(certificate serial 8c:20:26:01:01:00:00:00:01)"},
		{"CT-1 serial zero", big.NewInt(0), "(certificate serial 00)"},
	} {
		cert := &x509.Certificate{SerialNumber: c.serial, Subject: pkix.Name{SerialNumber: "C-2099-0001"},
			NotBefore: jst(2026, 4, 8, 10, 0, 0, 0), NotAfter: jst(2031, 4, 7, 23, 59, 59, 0)}
		err := contract.Access(fy26, cert, jst(2026, 6, 1, 0, 0, 0, 0), contract.Service{})
		if err == nil || !strings.HasSuffix(err.Error(), c.want) {
			t.Errorf("%s: Access = %v, want a message ending %q", c.name, err, c.want)
		}
	}
}

func TestReasonString(t *testing.T) {
	for r := contract.ReasonNotBound; r <= contract.ReasonNoCertificate; r++ {
		if s := r.String(); s == "" || strings.HasPrefix(s, "Reason(") {
			t.Errorf("Reason %d has no text: %q", int(r), s)
		}
	}
	if got, want := contract.Reason(0).String(), "Reason(0)"; got != want {
		t.Errorf("Reason(0).String() = %q, want %q", got, want)
	}
	if got, want := contract.Reason(99).String(), "Reason(99)"; got != want {
		t.Errorf("Reason(99).String() = %q, want %q", got, want)
	}
}

func TestContractInForce(t *testing.T) {
	tests := []struct {
		name string
		c    contract.Contract
		at   time.Time
		want bool
	}{
		{"CT-2 in force from the first instant of the start day JST", fy26, jst(2026, 4, 1, 0, 0, 0, 0), true},
		{"CT-2 not in force one nanosecond before", fy26, jst(2026, 3, 31, 23, 59, 59, lastNS), false},
		{"CT-2 in force at the last nanosecond of the end day JST", fy26, jst(2027, 3, 31, 23, 59, 59, lastNS), true},
		{"CT-2 not in force from the first instant after the end day", fy26, jst(2027, 4, 1, 0, 0, 0, 0), false},
		{"CT-2 the end day is counted in JST from a UTC instant", fy26, time.Date(2027, 3, 31, 15, 0, 0, 0, time.UTC), false},
		{"CT-4 in force after the service end: InForce does not look at the service", fy26, jst(2026, 9, 1, 0, 0, 0, 0), true},
		{"CT-2 zero instant: false", fy26, time.Time{}, false},
		{"CT-2 invalid contract: false", contract.Contract{ID: "C-1", Start: fy26.End, End: fy26.Start}, jst(2026, 9, 1, 0, 0, 0, 0), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.c.InForce(tt.at); got != tt.want {
				t.Errorf("InForce(%v) = %v, want %v", tt.at, got, tt.want)
			}
		})
	}
}
