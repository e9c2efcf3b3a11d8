package contract_test

import (
	"context"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"fmt"
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

func ExampleInputError_Is() {
	var l contract.Ledger
	_, err := l.Issue("", time.Date(2026, 5, 11, 10, 0, 0, 0, tz.JST))
	fmt.Println(errors.Is(err, contract.ErrInvalidInput))
	// Output:
	// true
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
	iss, err := l.Issue("C-1", time.Date(2026, 5, 11, 10, 0, 0, 0, tz.JST))
	fmt.Println(iss.ContractID, iss.At.Format(time.RFC3339), err)

	// CT-5: one certificate per contract.
	_, err = l.Issue("C-1", time.Date(2026, 5, 12, 10, 0, 0, 0, tz.JST))
	fmt.Println(errors.Is(err, contract.ErrAlreadyIssued))
	// Output:
	// C-1 2026-05-11T10:00:00+09:00 <nil>
	// true
}

func ExampleLedger_Issued() {
	var l contract.Ledger
	if _, err := l.Issue("C-1", time.Date(2026, 5, 11, 10, 0, 0, 0, tz.JST)); err != nil {
		panic(err)
	}
	iss, ok, _ := l.Issued("C-1")
	fmt.Println(ok, iss.At.Format(time.RFC3339))
	_, ok, _ = l.Issued("C-2")
	fmt.Println(ok)
	// Output:
	// true 2026-05-11T10:00:00+09:00
	// false
}

func ExampleLedger_Reissue() {
	var l contract.Ledger
	if _, err := l.Issue("C-1", time.Date(2026, 5, 11, 10, 0, 0, 0, tz.JST)); err != nil {
		panic(err)
	}
	err := l.Reissue("C-1", contract.CauseLost)
	fmt.Println(err)
	// Output:
	// contract: no reissue for contract C-1 (certificate file lost): certificates are not reissued; issued at 2026-05-11T10:00:00+09:00; report the loss to your sales representative
}

func ExampleIssueError_Error() {
	var l contract.Ledger
	_, _ = l.Issue("C-1", time.Date(2026, 5, 11, 10, 0, 0, 0, tz.JST))
	_, err := l.Issue("C-1", time.Date(2026, 5, 12, 10, 0, 0, 0, tz.JST))
	fmt.Println(err)
	// Output:
	// contract: cannot issue for contract C-1 at 2026-05-12T10:00:00+09:00: certificate already issued at 2026-05-11T10:00:00+09:00; one certificate per contract
}

func ExampleIssueError_Is() {
	var l contract.Ledger
	_, _ = l.Issue("C-1", time.Date(2026, 5, 11, 10, 0, 0, 0, tz.JST))
	_, err := l.Issue("C-1", time.Date(2026, 5, 12, 10, 0, 0, 0, tz.JST))
	var ie *contract.IssueError
	if errors.Is(err, contract.ErrAlreadyIssued) && errors.As(err, &ie) {
		fmt.Println("already issued at", ie.Issued.At.Format(time.RFC3339))
	}
	// Output:
	// already issued at 2026-05-11T10:00:00+09:00
}

func ExampleReissueError_Error() {
	var l contract.Ledger
	fmt.Println(l.Reissue("C-9", contract.CauseForgottenPassword))
	// Output:
	// contract: no reissue for contract C-9 (password forgotten): certificates are not reissued; contact your sales representative
}

func ExampleReissueError_Is() {
	var l contract.Ledger
	err := l.Reissue("C-9", contract.CauseDownloadWindowMissed)
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
	first := contract.Issuance{ContractID: "C-1", At: time.Date(2026, 5, 11, 10, 0, 0, 0, tz.JST)}
	_, inserted, _ := s.InsertIfAbsent(ctx, first)
	fmt.Println(inserted)
	stored, inserted, _ := s.InsertIfAbsent(ctx, contract.Issuance{ContractID: "C-1", At: first.At.Add(time.Hour)})
	fmt.Println(inserted, stored.At.Format(time.RFC3339))
	// Output:
	// true
	// false 2026-05-11T10:00:00+09:00
}

func ExampleMemoryStore_Lookup() {
	var s contract.MemoryStore
	ctx := context.Background()
	_, _, _ = s.InsertIfAbsent(ctx, contract.Issuance{ContractID: "C-1", At: time.Date(2026, 5, 11, 10, 0, 0, 0, tz.JST)})
	iss, ok, _ := s.Lookup(ctx, "C-1")
	fmt.Println(ok, iss.At.Format(time.RFC3339))
	// Output:
	// true 2026-05-11T10:00:00+09:00
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
