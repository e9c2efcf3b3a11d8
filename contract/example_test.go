package contract_test

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"database/sql"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/certlife/certlife/contract"
	"github.com/certlife/certlife/tz"
)

// exampleCert returns a certificate for contract id, issued at notBefore
// and valid for ten years: longer than any contract, as CT-1 describes.
// Access reads only the fields set here; a real gatekeeper passes the
// certificate the TLS handshake verified.
func exampleCert(id string, notBefore time.Time) *x509.Certificate {
	return &x509.Certificate{
		Subject:   pkix.Name{CommonName: "client.example.co.jp", SerialNumber: id},
		NotBefore: notBefore,
		NotAfter:  notBefore.AddDate(10, 0, 0),
	}
}

// An access decision for each reason.
func ExampleAccess() {
	c := contract.Contract{
		ID:    "C-2026-0001",
		Start: tz.Date{Year: 2026, Month: time.April, Day: 1},
		End:   tz.Date{Year: 2027, Month: time.March, Day: 31},
	}
	issued := time.Date(2026, 4, 8, 10, 0, 0, 0, tz.JST)
	cert := exampleCert(c.ID, issued)
	expiring := exampleCert(c.ID, issued)
	expiring.NotAfter = time.Date(2026, 12, 31, 23, 59, 59, 0, time.UTC)
	other := exampleCert("C-2026-0002", issued)

	late := contract.Contract{ID: "C-2028-0001", Start: tz.Date{Year: 2028, Month: time.January, Day: 1}, End: tz.Date{Year: 2030, Month: time.March, Day: 31}}
	lateCert := exampleCert(late.ID, time.Date(2028, 1, 8, 10, 0, 0, 0, tz.JST))
	extended, _ := contract.DefaultService().ExtendEnd(tz.Date{Year: 2030, Month: time.June, Day: 30}, time.Date(2028, 2, 1, 9, 0, 0, 0, tz.JST))

	s := contract.DefaultService()
	for _, q := range []struct {
		c    contract.Contract
		cert *x509.Certificate
		at   time.Time
		s    contract.Service
	}{
		{c, cert, time.Date(2027, 3, 31, 23, 59, 59, 0, tz.JST), s},
		{c, other, time.Date(2026, 6, 1, 9, 0, 0, 0, tz.JST), s},
		{c, cert, time.Date(2026, 3, 31, 9, 0, 0, 0, tz.JST), s},
		{c, cert, time.Date(2027, 4, 1, 0, 0, 0, 0, tz.JST), s},
		{c, cert, time.Date(2026, 4, 8, 9, 0, 0, 0, tz.JST), s},
		{c, expiring, time.Date(2027, 1, 1, 9, 0, 0, 0, tz.JST), s},
		{late, lateCert, time.Date(2028, 7, 1, 0, 0, 0, 0, tz.JST), s},
		{late, lateCert, time.Date(2029, 8, 1, 0, 0, 0, 0, tz.JST), extended},
	} {
		err := contract.Access(q.c, q.cert, q.at, q.s)
		var ae *contract.AccessError
		if errors.As(err, &ae) {
			fmt.Printf("%s: refused: %v (revoked: %t)\n", q.at.Format(time.RFC3339), ae.Reason, errors.Is(err, contract.ErrRevoked))
		} else {
			fmt.Printf("%s: allowed (%v)\n", q.at.Format(time.RFC3339), err)
		}
	}
	// Output:
	// 2027-03-31T23:59:59+09:00: allowed (<nil>)
	// 2026-06-01T09:00:00+09:00: refused: certificate not bound to the contract (revoked: false)
	// 2026-03-31T09:00:00+09:00: refused: contract not started (revoked: false)
	// 2027-04-01T00:00:00+09:00: refused: contract ended (revoked: true)
	// 2026-04-08T09:00:00+09:00: refused: certificate not yet valid (revoked: false)
	// 2027-01-01T09:00:00+09:00: refused: certificate expired (revoked: false)
	// 2028-07-01T00:00:00+09:00: refused: service ended (revoked: false)
	// 2029-08-01T00:00:00+09:00: refused: certificate replaced (revoked: false)
}

func ExampleAccessError_Error() {
	c := contract.Contract{ID: "C-1", Start: tz.Date{Year: 2026, Month: time.April, Day: 1}, End: tz.Date{Year: 2027, Month: time.March, Day: 31}}
	cert := exampleCert(c.ID, time.Date(2026, 4, 8, 10, 0, 0, 0, tz.JST))
	// The instant is given in UTC; the contract ends at midnight JST.
	err := contract.Access(c, cert, time.Date(2027, 3, 31, 15, 0, 0, 0, time.UTC), contract.Service{})
	fmt.Println(err)
	// Output:
	// contract: access refused for contract C-1 at 2027-04-01T00:00:00+09:00: contract ended at 2027-04-01T00:00:00+09:00; the certificate counts as revoked
}

func ExampleAccessError_Is() {
	c := contract.Contract{ID: "C-1", Start: tz.Date{Year: 2026, Month: time.April, Day: 1}, End: tz.Date{Year: 2027, Month: time.March, Day: 31}}
	cert := exampleCert(c.ID, time.Date(2026, 4, 8, 10, 0, 0, 0, tz.JST))
	err := contract.Access(c, cert, time.Date(2027, 4, 1, 9, 0, 0, 0, tz.JST), contract.Service{})
	if errors.Is(err, contract.ErrRevoked) {
		fmt.Println("answer the client as for a revoked certificate")
	}
	// Output:
	// answer the client as for a revoked certificate
}

func ExampleBindSubject() {
	cert := &x509.Certificate{Subject: pkix.Name{CommonName: "C-2026-0001", Organization: []string{"Example K.K."}}}
	fmt.Println(contract.BindSubject(cert, "C-2026-0001"))
	fmt.Println(contract.BindSubject(cert, "Example K.K."))
	// Output:
	// true
	// false
}

func ExampleBindSubjectSerialNumber() {
	cert := exampleCert("C-2026-0001", time.Date(2026, 4, 8, 10, 0, 0, 0, tz.JST))
	fmt.Println(contract.BindSubjectSerialNumber(cert, "C-2026-0001"))
	fmt.Println(contract.BindSubjectSerialNumber(cert, "c-2026-0001"))
	fmt.Println(contract.BindSubjectSerialNumber(cert, "C-2026-0002"))
	// Output:
	// true
	// false
	// false
}

// A deployment whose CA writes the contract ID in the first
// organizational unit supplies its own Binding.
func ExampleBinding() {
	byOU := func(cert *x509.Certificate, id string) bool {
		ou := cert.Subject.OrganizationalUnit
		return len(ou) > 0 && ou[0] == id
	}
	s := contract.Service{Binding: byOU}
	c := contract.Contract{ID: "C-7", Start: tz.Date{Year: 2026, Month: time.April, Day: 1}, End: tz.Date{Year: 2027, Month: time.March, Day: 31}}
	cert := &x509.Certificate{
		Subject:   pkix.Name{OrganizationalUnit: []string{"C-7"}},
		NotBefore: time.Date(2026, 4, 8, 10, 0, 0, 0, tz.JST),
		NotAfter:  time.Date(2036, 4, 8, 10, 0, 0, 0, tz.JST),
	}
	fmt.Println(contract.Access(c, cert, time.Date(2026, 6, 1, 9, 0, 0, 0, tz.JST), s))
	// Output:
	// <nil>
}

func ExampleContract_Period() {
	c := contract.Contract{ID: "C-1", Start: tz.Date{Year: 2026, Month: time.April, Day: 1}, End: tz.Date{Year: 2027, Month: time.March, Day: 31}}
	start, end := c.Period()
	fmt.Println("in force from", start.Format(time.RFC3339))
	fmt.Println("ended at     ", end.Format(time.RFC3339))
	// Output:
	// in force from 2026-04-01T00:00:00+09:00
	// ended at      2027-04-01T00:00:00+09:00
}

func ExampleContract_InForce() {
	c := contract.Contract{ID: "C-1", Start: tz.Date{Year: 2026, Month: time.April, Day: 1}, End: tz.Date{Year: 2027, Month: time.March, Day: 31}}
	fmt.Println(c.InForce(time.Date(2027, 3, 31, 23, 59, 59, 0, tz.JST)))
	fmt.Println(c.InForce(time.Date(2027, 3, 31, 15, 0, 0, 0, time.UTC))) // 2027-04-01 00:00 JST
	// Output:
	// true
	// false
}

func ExampleContract_Extend() {
	c := contract.Contract{ID: "C-1", Start: tz.Date{Year: 2026, Month: time.April, Day: 1}, End: tz.Date{Year: 2027, Month: time.March, Day: 31}}
	newEnd := tz.Date{Year: 2028, Month: time.March, Day: 31}

	// Agreed on the end date, late in the evening: extended, and the
	// certificate already issued keeps working (CT-3).
	ext, err := c.Extend(newEnd, time.Date(2027, 3, 31, 23, 30, 0, 0, tz.JST))
	fmt.Println(ext.End, err)

	// Agreed the next morning: too late.
	_, err = c.Extend(newEnd, time.Date(2027, 4, 1, 9, 0, 0, 0, tz.JST))
	fmt.Println(errors.Is(err, contract.ErrNewContractNeeded))
	// Output:
	// 2028-03-31 <nil>
	// true
}

func ExampleExtendError_Error() {
	c := contract.Contract{ID: "C-1", Start: tz.Date{Year: 2026, Month: time.April, Day: 1}, End: tz.Date{Year: 2027, Month: time.March, Day: 31}}
	_, err := c.Extend(tz.Date{Year: 2028, Month: time.March, Day: 31}, time.Date(2027, 4, 1, 0, 0, 0, 0, tz.JST))
	fmt.Println(err)
	// Output:
	// contract: cannot extend contract C-1 to 2028-03-31: extension agreed after the contract ended: agreed at 2027-04-01T00:00:00+09:00, contract ended at 2027-04-01T00:00:00+09:00 (end of 2027-03-31 JST); a new contract is needed
}

func ExampleExtendError_Is() {
	c := contract.Contract{ID: "C-1", Start: tz.Date{Year: 2026, Month: time.April, Day: 1}, End: tz.Date{Year: 2027, Month: time.March, Day: 31}}
	_, err := c.Extend(tz.Date{Year: 2027, Month: time.March, Day: 1}, time.Date(2026, 12, 1, 0, 0, 0, 0, tz.JST))
	var ee *contract.ExtendError
	errors.As(err, &ee)
	fmt.Println(ee.Reason, errors.Is(err, contract.ErrNewContractNeeded))
	// Output:
	// new end not after the current end false
}

func ExampleDefaultService() {
	s := contract.DefaultService()
	fmt.Println("service ends", s.End, "replacement decided:", !s.ReplaceBy.IsZero())
	// Output:
	// service ends 2028-06-30 replacement decided: false
}

func ExamplePlannedReplaceBy() {
	fmt.Println(contract.PlannedReplaceBy())
	// Output:
	// 2029-07-31
}

func ExampleService_ExtendEnd() {
	decided := time.Date(2028, 2, 1, 9, 0, 0, 0, tz.JST)
	s, err := contract.DefaultService().ExtendEnd(tz.Date{Year: 2030, Month: time.June, Day: 30}, decided)
	if err != nil {
		panic(err)
	}
	fmt.Println("service ends", s.End)
	fmt.Println("certificates issued before", s.ReplacementDecided.Format(time.RFC3339), "work through", s.ReplaceBy)
	// Output:
	// service ends 2030-06-30
	// certificates issued before 2028-02-01T09:00:00+09:00 work through 2029-07-31
}

func ExampleInputError_Error() {
	c := contract.Contract{ID: "C-1", Start: tz.Date{Year: 2026, Month: time.April, Day: 1}, End: tz.Date{Year: 2027, Month: time.March, Day: 31}}
	var zero time.Time // a caller bug: never taken as "now"
	fmt.Println(contract.Access(c, exampleCert(c.ID, time.Date(2026, 4, 8, 0, 0, 0, 0, tz.JST)), zero, contract.Service{}))
	// Output:
	// contract: Access: zero instant at
}

func ExampleReason_String() {
	fmt.Println(contract.ReasonContractEnded)
	fmt.Println(contract.ReasonWindowClosed.String())
	// Output:
	// contract ended
	// download window closed
}

func ExampleLedger_Issue() {
	var l contract.Ledger // in memory, ready to use
	ctx := context.Background()
	iss, err := l.Issue(ctx, "C-1", "job-2026-0511-001", time.Date(2026, 5, 11, 10, 0, 0, 0, tz.JST))
	fmt.Println(iss.ContractID, iss.Generation, iss.At.Format(time.RFC3339), err)

	// A retry with the same key, after an error or a crash, gets the same
	// issuance back: the mail can be sent.
	again, err := l.Issue(ctx, "C-1", "job-2026-0511-001", time.Date(2026, 5, 11, 10, 5, 0, 0, tz.JST))
	fmt.Println(again.At.Format(time.RFC3339), err)

	// CT-5: one certificate per contract; another issuance is refused.
	_, err = l.Issue(ctx, "C-1", "job-2026-0512-007", time.Date(2026, 5, 12, 10, 0, 0, 0, tz.JST))
	fmt.Println(errors.Is(err, contract.ErrAlreadyIssued))
	// Output:
	// C-1 original 2026-05-11T10:00:00+09:00 <nil>
	// 2026-05-11T10:00:00+09:00 <nil>
	// true
}

// Once the replacement of CT-4 is decided, each contract may be issued
// exactly one replacement certificate.
func ExampleLedger_Issue_replacement() {
	decided := time.Date(2028, 1, 15, 10, 0, 0, 0, tz.JST)
	s, _ := contract.DefaultService().ExtendEnd(tz.Date{Year: 2030, Month: time.June, Day: 30}, decided)
	l := contract.Ledger{Service: s}
	ctx := context.Background()
	_, _ = l.Issue(ctx, "C-1", "job-1", time.Date(2026, 5, 11, 10, 0, 0, 0, tz.JST))

	iss, err := l.Issue(ctx, "C-1", "job-2", time.Date(2028, 2, 1, 10, 0, 0, 0, tz.JST))
	fmt.Println(iss.Generation, err)
	_, err = l.Issue(ctx, "C-1", "job-3", time.Date(2028, 3, 1, 10, 0, 0, 0, tz.JST))
	fmt.Println(err)
	// Output:
	// replacement <nil>
	// contract: cannot issue for contract C-1 at 2028-03-01T10:00:00+09:00: replacement certificate already issued at 2028-02-01T10:00:00+09:00; one replacement per contract
}

func ExampleLedger_Issued() {
	var l contract.Ledger
	ctx := context.Background()
	if _, err := l.Issue(ctx, "C-1", "job-1", time.Date(2026, 5, 11, 10, 0, 0, 0, tz.JST)); err != nil {
		panic(err)
	}
	list, _ := l.Issued(ctx, "C-1")
	for _, iss := range list {
		fmt.Println(iss.Generation, iss.At.Format(time.RFC3339))
	}
	list, _ = l.Issued(ctx, "C-2")
	fmt.Println(len(list))
	// Output:
	// original 2026-05-11T10:00:00+09:00
	// 0
}

func ExampleLedger_Download() {
	var l contract.Ledger // the usual maintenance rule: third Tuesday 22:00-08:00 JST
	ctx := context.Background()
	if _, err := l.Issue(ctx, "C-1", "job-1", time.Date(2026, 5, 11, 10, 0, 0, 0, tz.JST)); err != nil {
		panic(err)
	}
	_, err := l.Download(ctx, "C-1", contract.GenerationOriginal, time.Date(2026, 5, 19, 23, 0, 0, 0, tz.JST))
	fmt.Println(err)
	iss, err := l.Download(ctx, "C-1", contract.GenerationOriginal, time.Date(2026, 5, 20, 9, 0, 0, 0, tz.JST))
	fmt.Println(iss.Downloaded.Format(time.RFC3339), err)
	// Output:
	// contract: cannot download the original certificate of contract C-1 at 2026-05-19T23:00:00+09:00: download site in maintenance until 2026-05-20T08:00:00+09:00; the download window closes at 2026-05-26T00:00:00+09:00
	// 2026-05-20T09:00:00+09:00 <nil>
}

// The four answers to "why can't I download".
func ExampleLedger_Status() {
	var l contract.Ledger
	ctx := context.Background()
	_, _ = l.Issue(ctx, "C-1", "job-1", time.Date(2026, 5, 11, 10, 0, 0, 0, tz.JST))
	_, _ = l.Issue(ctx, "C-2", "job-2", time.Date(2026, 5, 11, 10, 0, 0, 0, tz.JST))
	_, _ = l.Download(ctx, "C-2", contract.GenerationOriginal, time.Date(2026, 5, 12, 9, 30, 0, 0, tz.JST))
	for _, q := range []struct {
		id string
		at time.Time
	}{
		{"C-3", time.Date(2026, 5, 12, 9, 0, 0, 0, tz.JST)},
		{"C-1", time.Date(2026, 5, 19, 23, 0, 0, 0, tz.JST)},
		{"C-2", time.Date(2026, 5, 13, 9, 0, 0, 0, tz.JST)},
		{"C-1", time.Date(2026, 5, 26, 0, 0, 0, 0, tz.JST)},
	} {
		st, err := l.Status(ctx, q.id, q.at)
		if err != nil {
			panic(err)
		}
		fmt.Println(st)
	}
	// Output:
	// contract C-3: certificate not issued yet
	// contract C-1: certificate awaiting download until the end of 2026-05-25 JST (mail sent at 2026-05-11T10:00:00+09:00); the download site is in maintenance until 2026-05-20T08:00:00+09:00
	// contract C-2: certificate downloaded at 2026-05-12T09:30:00+09:00
	// contract C-1: certificate download window missed on 2026-05-25 JST (mail sent at 2026-05-11T10:00:00+09:00); it cannot be downloaded or reissued; contact your sales representative
}

func ExampleLedger_Reissue() {
	var l contract.Ledger
	ctx := context.Background()
	if _, err := l.Issue(ctx, "C-1", "job-1", time.Date(2026, 5, 11, 10, 0, 0, 0, tz.JST)); err != nil {
		panic(err)
	}
	err := l.Reissue(ctx, "C-1", contract.CauseLost)
	fmt.Println(err)
	// Output:
	// contract: no reissue for contract C-1 (certificate file lost): certificates are not reissued; issued at 2026-05-11T10:00:00+09:00; report the loss to your sales representative
}

func ExampleIssueError_Error() {
	var l contract.Ledger
	ctx := context.Background()
	_, _ = l.Issue(ctx, "C-1", "job-1", time.Date(2026, 5, 11, 10, 0, 0, 0, tz.JST))
	_, err := l.Issue(ctx, "C-1", "job-2", time.Date(2026, 5, 12, 10, 0, 0, 0, tz.JST))
	fmt.Println(err)
	// Output:
	// contract: cannot issue for contract C-1 at 2026-05-12T10:00:00+09:00: certificate already issued at 2026-05-11T10:00:00+09:00; one certificate per contract
}

func ExampleIssueError_Is() {
	var l contract.Ledger
	ctx := context.Background()
	_, _ = l.Issue(ctx, "C-1", "job-1", time.Date(2026, 5, 11, 10, 0, 0, 0, tz.JST))
	_, err := l.Issue(ctx, "C-1", "job-2", time.Date(2026, 5, 12, 10, 0, 0, 0, tz.JST))
	var ie *contract.IssueError
	if errors.Is(err, contract.ErrAlreadyIssued) && errors.As(err, &ie) {
		fmt.Println("already issued at", ie.Issued.At.Format(time.RFC3339), "under key", ie.Issued.Key)
	}
	// Output:
	// already issued at 2026-05-11T10:00:00+09:00 under key job-1
}

func ExampleReissueError_Error() {
	var l contract.Ledger
	fmt.Println(l.Reissue(context.Background(), "C-9", contract.CauseForgottenPassword))
	// Output:
	// contract: no reissue for contract C-9 (password forgotten): certificates are not reissued; contact your sales representative
}

func ExampleReissueError_Is() {
	var l contract.Ledger
	err := l.Reissue(context.Background(), "C-9", contract.CauseDownloadWindowMissed)
	fmt.Println(errors.Is(err, contract.ErrNoReissue))
	// Output:
	// true
}

func ExampleCause_String() {
	for _, c := range []contract.Cause{contract.CauseLost, contract.CauseForgottenPassword, contract.CauseDownloadWindowMissed} {
		fmt.Println(c)
	}
	// Output:
	// certificate file lost
	// password forgotten
	// download window missed
}

func ExampleCause_Advice() {
	fmt.Println(contract.CauseLost.Advice())
	// Output:
	// report the loss to your sales representative
}

func ExampleMemoryStore_InsertIfAbsent() {
	var s contract.MemoryStore
	ctx := context.Background()
	first := contract.Issuance{ContractID: "C-1", Generation: contract.GenerationOriginal, Key: "job-1",
		At: time.Date(2026, 5, 11, 10, 0, 0, 0, tz.JST)}
	_, inserted, _ := s.InsertIfAbsent(ctx, first)
	fmt.Println(inserted)
	second := first
	second.Key, second.At = "job-2", first.At.Add(time.Hour)
	stored, inserted, _ := s.InsertIfAbsent(ctx, second)
	fmt.Println(inserted, stored.Key, stored.At.Format(time.RFC3339))
	// Output:
	// true
	// false job-1 2026-05-11T10:00:00+09:00
}

func ExampleMemoryStore_Issuances() {
	var s contract.MemoryStore
	ctx := context.Background()
	_, _, _ = s.InsertIfAbsent(ctx, contract.Issuance{ContractID: "C-1", Generation: contract.GenerationOriginal, Key: "job-1",
		At: time.Date(2026, 5, 11, 10, 0, 0, 0, tz.JST)})
	list, _ := s.Issuances(ctx, "C-1")
	fmt.Println(len(list), list[0].At.Format(time.RFC3339))
	// Output:
	// 1 2026-05-11T10:00:00+09:00
}

func ExampleMemoryStore_RecordDownload() {
	var s contract.MemoryStore
	ctx := context.Background()
	_, _, _ = s.InsertIfAbsent(ctx, contract.Issuance{ContractID: "C-1", Generation: contract.GenerationOriginal, Key: "job-1",
		At: time.Date(2026, 5, 11, 10, 0, 0, 0, tz.JST)})
	first := time.Date(2026, 5, 12, 9, 0, 0, 0, tz.JST)
	_, _, _ = s.RecordDownload(ctx, "C-1", contract.GenerationOriginal, first)
	iss, ok, _ := s.RecordDownload(ctx, "C-1", contract.GenerationOriginal, first.Add(time.Hour))
	fmt.Println(ok, iss.Downloaded.Format(time.RFC3339)) // the first download is kept
	_, ok, _ = s.RecordDownload(ctx, "C-1", contract.GenerationReplacement, first)
	fmt.Println(ok)
	// Output:
	// true 2026-05-12T09:00:00+09:00
	// false
}

func ExampleService_GenerationAt() {
	decided := time.Date(2028, 1, 15, 10, 0, 0, 0, tz.JST)
	s, _ := contract.DefaultService().ExtendEnd(tz.Date{Year: 2030, Month: time.June, Day: 30}, decided)
	fmt.Println(s.GenerationAt(decided.Add(-time.Second)))
	fmt.Println(s.GenerationAt(decided))
	fmt.Println(contract.DefaultService().GenerationAt(decided))
	// Output:
	// original
	// replacement
	// original
}

func ExampleInputError_Is() {
	var l contract.Ledger
	_, err := l.Issue(context.Background(), "", "job-1", time.Date(2026, 5, 11, 10, 0, 0, 0, tz.JST))
	fmt.Println(errors.Is(err, contract.ErrInvalidInput))
	// Output:
	// true
}

// The timeline of a contract signed on 2026-04-28, just before Golden
// Week: the mail is due by 2026-05-11 and, if it comes that day, the
// download URL works through 2026-05-25 JST.
func ExampleIssueBy() {
	signed := tz.Date{Year: 2026, Month: time.April, Day: 28}
	cal := tz.BusinessCalendar{}.With(tz.YearEndClosing())
	by, err := contract.IssueBy(signed, cal)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("mail due by", by)

	mailed := by.In(tz.JST).Add(10 * time.Hour) // 10:00 JST that day
	deadline := contract.DownloadDeadline(mailed)
	fmt.Println("download until", deadline.Add(-time.Nanosecond).Format(time.RFC3339Nano))
	fmt.Println("closed from", deadline.Format(time.RFC3339))

	// The rollout of 2024 (CT-7).
	rollout, _ := contract.IssueBy(tz.Date{Year: 2024, Month: time.May, Day: 20}, cal)
	fmt.Println("rollout:", rollout)
	// Output:
	// mail due by 2026-05-11
	// download until 2026-05-25T23:59:59.999999999+09:00
	// closed from 2026-05-26T00:00:00+09:00
	// rollout: 2024-05-29
}

func ExampleDownloadDeadline() {
	// Mail sent on 2026-05-11 at 23:50 JST (14:50 UTC): the day of the mail
	// is 05-11 in JST, its 14th day after is 05-25.
	fmt.Println(contract.DownloadDeadline(time.Date(2026, 5, 11, 14, 50, 0, 0, time.UTC)).Format(time.RFC3339))
	// Output:
	// 2026-05-26T00:00:00+09:00
}

func ExampleCanDownload() {
	mailed := time.Date(2026, 5, 11, 10, 0, 0, 0, tz.JST)
	var m contract.Maintenance // the usual rule: third Tuesday 22:00-08:00 JST
	for _, at := range []time.Time{
		time.Date(2026, 5, 12, 9, 0, 0, 0, tz.JST),
		time.Date(2026, 5, 19, 23, 0, 0, 0, tz.JST),
		time.Date(2026, 5, 26, 0, 0, 0, 0, tz.JST),
	} {
		err := contract.CanDownload(mailed, at, m)
		switch {
		case err == nil:
			fmt.Println(at.Format(time.RFC3339), "download now")
		case errors.Is(err, contract.ErrMaintenance):
			var de *contract.DownloadError
			errors.As(err, &de)
			fmt.Println(at.Format(time.RFC3339), "try again from", de.Window.End.Format(time.RFC3339))
		case errors.Is(err, contract.ErrWindowClosed):
			fmt.Println(at.Format(time.RFC3339), "too late; no reissue")
		}
	}
	// Output:
	// 2026-05-12T09:00:00+09:00 download now
	// 2026-05-19T23:00:00+09:00 try again from 2026-05-20T08:00:00+09:00
	// 2026-05-26T00:00:00+09:00 too late; no reissue
}

func ExampleDownloadError_Error() {
	mailed := time.Date(2026, 5, 11, 10, 0, 0, 0, tz.JST)
	fmt.Println(contract.CanDownload(mailed, time.Date(2026, 5, 19, 23, 0, 0, 0, tz.JST), contract.Maintenance{}))
	// Output:
	// contract: cannot download at 2026-05-19T23:00:00+09:00: download site in maintenance until 2026-05-20T08:00:00+09:00; the download window closes at 2026-05-26T00:00:00+09:00
}

func ExampleDownloadError_Is() {
	mailed := time.Date(2026, 5, 11, 10, 0, 0, 0, tz.JST)
	err := contract.CanDownload(mailed, time.Date(2026, 6, 1, 9, 0, 0, 0, tz.JST), contract.Maintenance{})
	fmt.Println(errors.Is(err, contract.ErrWindowClosed), errors.Is(err, contract.ErrMaintenance))
	// Output:
	// true false
}

// The next maintenance window after a given instant, with the usual rule
// and with an announcement that moves June's window to the last night of
// the month.
func ExampleMaintenance_Next() {
	after := time.Date(2026, 4, 28, 12, 0, 0, 0, tz.JST)
	var usual contract.Maintenance
	w := usual.Next(after)
	fmt.Println(w.Start.Format(time.RFC3339), "to", w.End.Format(time.RFC3339))
	w = usual.Next(w.Start)
	fmt.Println(w.Start.Format(time.RFC3339), "to", w.End.Format(time.RFC3339))

	moved := contract.Maintenance{Announced: []contract.Window{{
		Start: time.Date(2026, 6, 30, 22, 0, 0, 0, tz.JST),
		End:   time.Date(2026, 7, 1, 8, 0, 0, 0, tz.JST),
	}}}
	w = moved.Next(time.Date(2026, 6, 1, 0, 0, 0, 0, tz.JST))
	fmt.Println(w.Start.Format(time.RFC3339), "to", w.End.Format(time.RFC3339))
	// Output:
	// 2026-05-19T22:00:00+09:00 to 2026-05-20T08:00:00+09:00
	// 2026-06-16T22:00:00+09:00 to 2026-06-17T08:00:00+09:00
	// 2026-06-30T22:00:00+09:00 to 2026-07-01T08:00:00+09:00
}

func ExampleMaintenance_At() {
	m := contract.Maintenance{Cancelled: []tz.Date{{Year: 2026, Month: time.June, Day: 16}}}
	for _, t := range []time.Time{
		time.Date(2026, 5, 20, 7, 59, 59, 0, tz.JST),
		time.Date(2026, 5, 20, 8, 0, 0, 0, tz.JST),
		time.Date(2026, 6, 16, 23, 0, 0, 0, tz.JST), // cancelled
	} {
		w, ok := m.At(t)
		if ok {
			fmt.Println(t.Format(time.RFC3339), "down until", w.End.Format(time.RFC3339))
		} else {
			fmt.Println(t.Format(time.RFC3339), "up")
		}
	}
	// Output:
	// 2026-05-20T07:59:59+09:00 down until 2026-05-20T08:00:00+09:00
	// 2026-05-20T08:00:00+09:00 up
	// 2026-06-16T23:00:00+09:00 up
}

func ExampleWindow_Contains() {
	w := contract.Window{
		Start: time.Date(2026, 5, 19, 22, 0, 0, 0, tz.JST),
		End:   time.Date(2026, 5, 20, 8, 0, 0, 0, tz.JST),
	}
	fmt.Println(w.Contains(w.Start), w.Contains(w.End))
	// Output:
	// true false
}

// A schedule of many announced windows is indexed once; At and Next then
// answer with a few binary searches.
func ExampleNewMaintenance() {
	// Ten years of announced windows, the first Sunday of each month,
	// 01:00 to 05:00 JST.
	var announced []contract.Window
	for mo := 0; mo < 120; mo++ {
		d := tz.Date{Year: 2026 + mo/12, Month: time.Month(mo%12 + 1), Day: 1}
		for d.Weekday() != time.Sunday {
			d = d.AddDays(1)
		}
		start := d.In(tz.JST).Add(time.Hour)
		announced = append(announced, contract.Window{Start: start, End: start.Add(4 * time.Hour)})
	}
	m := contract.NewMaintenance(announced, nil)
	w := m.Next(time.Date(2031, 5, 20, 0, 0, 0, 0, tz.JST))
	fmt.Println(w.Start.Format(time.RFC3339), "to", w.End.Format(time.RFC3339))
	_, down := m.At(time.Date(2031, 5, 20, 23, 0, 0, 0, tz.JST)) // the third Tuesday: no usual window
	fmt.Println(down)
	// Output:
	// 2031-06-01T01:00:00+09:00 to 2031-06-01T05:00:00+09:00
	// false
}

// exampleTLS returns the connection state of a TLS connection whose client
// presented cert, verified: what a server with ClientAuth
// tls.RequireAndVerifyClientCert passes on.
func exampleTLS(cert *x509.Certificate) *tls.ConnectionState {
	return &tls.ConnectionState{PeerCertificates: []*x509.Certificate{cert}, VerifiedChains: [][]*x509.Certificate{{cert}}}
}

// The update server's handler, guarded by the gatekeeper. A real server
// sets Now to time.Now and serves over TLS with
//
//	&tls.Config{ClientAuth: tls.RequireAndVerifyClientCert, ClientCAs: vendorCA}
//
// here the requests are made in memory at fixed instants.
func ExampleGatekeeper_Handler() {
	var contracts contract.MemoryContracts
	c := contract.Contract{ID: "C-2026-0001", Start: tz.Date{Year: 2026, Month: time.May, Day: 1}, End: tz.Date{Year: 2027, Month: time.April, Day: 30}}
	if err := contracts.Put(c); err != nil {
		panic(err)
	}
	var at time.Time
	g := &contract.Gatekeeper{Contracts: &contracts, Now: func() time.Time { return at }}
	updates := g.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, _ := contract.ContractFrom(r.Context())
		fmt.Fprintln(w, "repomd.xml for", c.ID)
	}))

	cert := exampleCert(c.ID, time.Date(2026, 5, 11, 10, 0, 0, 0, tz.JST))
	for _, at = range []time.Time{
		time.Date(2027, 4, 30, 23, 59, 59, 0, tz.JST),
		time.Date(2027, 5, 1, 0, 0, 0, 0, tz.JST),
	} {
		r := httptest.NewRequest("GET", "https://updates.example.com/el7/repodata/repomd.xml", nil)
		r.TLS = exampleTLS(cert)
		w := httptest.NewRecorder()
		updates.ServeHTTP(w, r)
		fmt.Print(w.Code, " ", w.Body)
	}
	// Output:
	// 200 repomd.xml for C-2026-0001
	// 403 Support contract C-2026-0001 ended on 2027-04-30 (JST), and its certificate no longer gives access. To continue, contact your sales representative about a new contract.
}

// VerifyConnection refuses at the TLS handshake; the client sees only an
// alert, so a server uses it in addition to Handler.
func ExampleGatekeeper_VerifyConnection() {
	var contracts contract.MemoryContracts
	c := contract.Contract{ID: "C-2026-0001", Start: tz.Date{Year: 2026, Month: time.May, Day: 1}, End: tz.Date{Year: 2027, Month: time.April, Day: 30}}
	_ = contracts.Put(c)
	g := &contract.Gatekeeper{
		Contracts: &contracts,
		Now:       func() time.Time { return time.Date(2027, 5, 1, 0, 0, 0, 0, tz.JST) },
		OnDeny:    func(err error) { fmt.Println("log:", err) },
	}
	cfg := &tls.Config{ClientAuth: tls.RequireAndVerifyClientCert, VerifyConnection: g.VerifyConnection}

	// What the handshake calls once the client certificate is verified:
	err := cfg.VerifyConnection(*exampleTLS(exampleCert(c.ID, time.Date(2026, 5, 11, 10, 0, 0, 0, tz.JST))))
	fmt.Println(errors.Is(err, contract.ErrRevoked))
	// Output:
	// log: contract: access refused for contract C-2026-0001 at 2027-05-01T00:00:00+09:00: contract ended at 2027-05-01T00:00:00+09:00; the certificate counts as revoked
	// true
}

func ExampleContractFrom() {
	var contracts contract.MemoryContracts
	c := contract.Contract{ID: "C-7", Start: tz.Date{Year: 2026, Month: time.April, Day: 1}, End: tz.Date{Year: 2027, Month: time.March, Day: 31}}
	_ = contracts.Put(c)
	g := &contract.Gatekeeper{Contracts: &contracts, Now: func() time.Time { return time.Date(2026, 6, 1, 9, 0, 0, 0, tz.JST) }}
	h := g.Handler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		c, ok := contract.ContractFrom(r.Context())
		fmt.Println(c.ID, c.End, ok)
	}))
	r := httptest.NewRequest("GET", "/", nil)
	r.TLS = exampleTLS(exampleCert("C-7", time.Date(2026, 4, 8, 10, 0, 0, 0, tz.JST)))
	h.ServeHTTP(httptest.NewRecorder(), r)
	// Output:
	// C-7 2027-03-31 true
}

// After an extension agreed in time (CT-3), putting the extended contract
// keeps the certificate working.
func ExampleMemoryContracts_Put() {
	var contracts contract.MemoryContracts
	c := contract.Contract{ID: "C-7", Start: tz.Date{Year: 2026, Month: time.April, Day: 1}, End: tz.Date{Year: 2027, Month: time.March, Day: 31}}
	fmt.Println(contracts.Put(c))
	ext, _ := c.Extend(tz.Date{Year: 2028, Month: time.March, Day: 31}, time.Date(2027, 3, 15, 10, 0, 0, 0, tz.JST))
	fmt.Println(contracts.Put(ext))
	got, _, _ := contracts.ContractFor(context.Background(), exampleCert("C-7", time.Date(2026, 4, 8, 10, 0, 0, 0, tz.JST)))
	fmt.Println(got.End)
	fmt.Println(contracts.Put(contract.Contract{ID: "C-8"}))
	// Output:
	// <nil>
	// <nil>
	// 2028-03-31
	// contract: MemoryContracts.Put: invalid contract start date 0000-00-00
}

func ExampleMemoryContracts_ContractFor() {
	var contracts contract.MemoryContracts
	_ = contracts.Put(contract.Contract{ID: "C-7", Start: tz.Date{Year: 2026, Month: time.April, Day: 1}, End: tz.Date{Year: 2027, Month: time.March, Day: 31}})
	ctx := context.Background()
	cert := &x509.Certificate{Subject: pkix.Name{CommonName: "update client", SerialNumber: "C-7"}}
	c, ok, err := contracts.ContractFor(ctx, cert)
	fmt.Println(c.ID, ok, err)
	cert.Subject.SerialNumber = "C-8"
	_, ok, _ = contracts.ContractFor(ctx, cert)
	fmt.Println(ok)
	// Output:
	// C-7 true <nil>
	// false
}

func ExampleAccessError_Advice() {
	c := contract.Contract{ID: "C-2028-0100", Start: tz.Date{Year: 2027, Month: time.October, Day: 1}, End: tz.Date{Year: 2030, Month: time.March, Day: 31}}
	s, _ := contract.DefaultService().ExtendEnd(tz.Date{Year: 2030, Month: time.June, Day: 30}, time.Date(2028, 1, 15, 10, 0, 0, 0, tz.JST))
	old := exampleCert(c.ID, time.Date(2027, 10, 8, 10, 0, 0, 0, tz.JST))
	err := contract.Access(c, old, time.Date(2029, 8, 1, 0, 0, 0, 0, tz.JST), s)
	var ae *contract.AccessError
	if errors.As(err, &ae) {
		fmt.Println(ae.Advice())
	}
	// Output:
	// This certificate was replaced: certificates issued before the replacement gave access through 2029-07-31 (JST). Install the replacement certificate issued for contract C-2028-0100; if you have not received it, contact your sales representative.
}

func ExampleSQLStore_Schema() {
	ddl, err := contract.SQLStore{Dialect: contract.DialectSQLite}.Schema()
	fmt.Println(ddl, err)
	_, err = contract.SQLStore{Dialect: contract.DialectPostgreSQL, Table: "issuance; DROP TABLE contracts"}.Schema()
	fmt.Println(err)
	// Output:
	// CREATE TABLE IF NOT EXISTS certlife_issuance (
	// 	contract_id   TEXT        NOT NULL CHECK (contract_id <> ''),
	// 	generation    INTEGER     NOT NULL CHECK (generation >= 1),
	// 	issue_key     TEXT        NOT NULL CHECK (issue_key <> ''),
	// 	issued_at     TEXT        NOT NULL,
	// 	downloaded_at TEXT,
	// 	PRIMARY KEY (contract_id, generation),
	// 	UNIQUE (contract_id, issue_key)
	// ) <nil>
	// contract: SQLStore.Schema: invalid table name "issuance; DROP TABLE contracts": want letters, digits and underscores, optionally schema.table
}

// The examples of the SQL store need a database and a driver, which this
// module does not import; like database/sql's own examples they are
// compiled but not run. The package's peers test module runs the same
// calls against PostgreSQL and SQLite.
var db *sql.DB // opened with sql.Open("pgx", dsn), for example

func ExampleSQLStore_CreateTable() {
	ctx := context.Background()
	store := contract.SQLStore{DB: db, Dialect: contract.DialectPostgreSQL}
	if err := store.CreateTable(ctx); err != nil {
		log.Fatal(err)
	}
	l := contract.Ledger{Store: store}
	iss, err := l.Issue(ctx, "C-2026-0001", "job-2026-0511-001", time.Date(2026, 5, 11, 10, 0, 0, 0, tz.JST))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(iss.Generation, iss.At.Format(time.RFC3339))
}

// A store inside the caller's transaction: the issuance and the mail job
// commit together, or neither does.
func ExampleSQLStore_InsertIfAbsent() {
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		log.Fatal(err)
	}
	defer tx.Rollback()
	l := contract.Ledger{Store: contract.SQLStore{DB: tx, Dialect: contract.DialectPostgreSQL}}
	iss, err := l.Issue(ctx, "C-2026-0001", "job-2026-0511-001", time.Date(2026, 5, 11, 10, 0, 0, 0, tz.JST))
	if err != nil {
		log.Fatal(err)
	}
	if _, err := tx.ExecContext(ctx, "INSERT INTO mail_jobs (contract_id, issue_key) VALUES ($1, $2)", iss.ContractID, iss.Key); err != nil {
		log.Fatal(err)
	}
	if err := tx.Commit(); err != nil {
		log.Fatal(err)
	}
}

func ExampleSQLStore_Issuances() {
	store := contract.SQLStore{DB: db, Dialect: contract.DialectSQLite, Table: "issuance"}
	list, err := store.Issuances(context.Background(), "C-2026-0001")
	if err != nil {
		log.Fatal(err)
	}
	for _, iss := range list {
		fmt.Println(iss.Generation, iss.At.Format(time.RFC3339), iss.Downloaded.IsZero())
	}
}

func ExampleSQLStore_RecordDownload() {
	l := contract.Ledger{Store: contract.SQLStore{DB: db, Dialect: contract.DialectPostgreSQL}}
	iss, err := l.Download(context.Background(), "C-2026-0001", contract.GenerationOriginal, time.Date(2026, 5, 12, 9, 0, 0, 0, tz.JST))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(iss.Downloaded.Format(time.RFC3339))
}
