package contract

import (
	"crypto/x509"
	"time"

	"github.com/certlife/certlife/tz"

	"github.com/certlife/certlife/internal/serial"
)

// A Contract is one extended-support contract, the thing a client
// certificate proves (CT-1).
//
// Start and End are civil dates in JST, both inclusive: the contract is in
// force from the first instant of Start to the last instant of End, JST
// (CT-2). [Contract.Period] gives those instants.
type Contract struct {
	// ID identifies the contract; the certificate carries it (see
	// [Binding]). It must not be empty.
	ID string
	// Start is the first day of the contract, JST.
	Start tz.Date
	// End is the last day of the contract, JST. It must not be before
	// Start.
	End tz.Date
}

// Period returns the instants the contract is in force: from start
// (included) to end (excluded), the first instants in JST of Start and of
// the day after End. A contract from 2026-04-01 to 2027-03-31 gives
// 2026-04-01T00:00:00+09:00 and 2027-04-01T00:00:00+09:00. The result is
// meaningless for a contract that [Access] would refuse as invalid input.
func (c Contract) Period() (start, end time.Time) {
	return c.Start.In(tz.JST), c.End.EndIn(tz.JST)
}

// InForce reports whether the contract is in force at the instant at:
// from the first instant of its Start day to the last instant of its End
// day, JST (CT-2), whatever zone at carries. A contract from 2026-04-01 to
// 2027-03-31 is in force at 2027-03-31T23:59:59.999999999+09:00 and not at
// 2027-04-01T00:00:00+09:00 (2027-03-31T15:00:00Z). It needs no
// certificate and does not look at the service: [Access] also applies the
// service end of CT-4 and the certificate's own dates. It reports false for
// a zero at and for a contract [Access] would refuse as invalid input.
func (c Contract) InForce(at time.Time) bool {
	if at.IsZero() || c.check("") != nil {
		return false
	}
	start, end := c.Period()
	return !at.Before(start) && at.Before(end)
}

// check returns an InputError when c cannot be judged.
func (c Contract) check(fn string) error {
	switch {
	case c.ID == "":
		return inputError(fn, "empty contract ID")
	case !c.Start.IsValid():
		return inputError(fn, "invalid contract start date "+c.Start.String())
	case !c.End.IsValid():
		return inputError(fn, "invalid contract end date "+c.End.String())
	case c.End.Before(c.Start):
		return inputError(fn, "contract end "+c.End.String()+" before start "+c.Start.String())
	}
	return nil
}

// Extend returns c with its end moved to newEnd, for an extension agreed at
// agreedAt (CT-3). An extension agreed on or before the end date, up to its
// last nanosecond in JST, extends the contract, and with it the access of
// the certificate already issued: no certificate is replaced or reissued.
// A contract ending 2027-03-31 can be extended at 2027-03-31T23:59:59.999999999+09:00
// but not at 2027-04-01T00:00:00+09:00.
//
// Errors: an [*ExtendError] with [ReasonExtensionTooLate], matching
// [ErrNewContractNeeded], when agreedAt is after the end date (the contract
// has ended; a new contract is needed); with [ReasonEndNotLater] when
// newEnd is not after c.End. An [*InputError] for a zero agreedAt, an
// invalid newEnd or an invalid c.
func (c Contract) Extend(newEnd tz.Date, agreedAt time.Time) (Contract, error) {
	const fn = "Contract.Extend"
	if err := c.check(fn); err != nil {
		return c, err
	}
	if agreedAt.IsZero() {
		return c, inputError(fn, "zero instant agreedAt")
	}
	if !newEnd.IsValid() {
		return c, inputError(fn, "invalid new end date "+newEnd.String())
	}
	_, end := c.Period()
	// CT-3: "契約満了日以前にご契約を延長いただいた場合は…自動的に延長".
	// On or before the end date means before the first instant after it.
	if !agreedAt.Before(end) {
		return c, &ExtendError{Reason: ReasonExtensionTooLate, Contract: c, NewEnd: newEnd, AgreedAt: agreedAt}
	}
	if !newEnd.After(c.End) {
		return c, &ExtendError{Reason: ReasonEndNotLater, Contract: c, NewEnd: newEnd, AgreedAt: agreedAt}
	}
	c.End = newEnd
	return c, nil
}

// An ExtendError reports an extension that [Contract.Extend] refused.
type ExtendError struct {
	Reason   Reason   // ReasonExtensionTooLate or ReasonEndNotLater
	Contract Contract // the contract as it was
	NewEnd   tz.Date
	AgreedAt time.Time
}

// Error returns, for example, "contract: cannot extend contract C-1 to
// 2028-03-31: extension agreed after the contract ended: agreed at
// 2027-04-01T00:00:00+09:00, contract ended at 2027-04-01T00:00:00+09:00
// (end of 2027-03-31 JST); a new contract is needed".
func (e *ExtendError) Error() string {
	msg := "contract: cannot extend contract " + e.Contract.ID + " to " + e.NewEnd.String() + ": " + e.Reason.String()
	switch e.Reason {
	case ReasonExtensionTooLate:
		_, end := e.Contract.Period()
		msg += ": agreed at " + rfc3339(e.AgreedAt) + ", contract ended at " + rfc3339(end) +
			" (end of " + e.Contract.End.String() + " JST); a new contract is needed"
	case ReasonEndNotLater:
		msg += ": current end " + e.Contract.End.String()
	}
	return msg
}

// Is reports whether target is [ErrNewContractNeeded] and e says the
// extension came too late.
func (e *ExtendError) Is(target error) bool {
	return target == ErrNewContractNeeded && e.Reason == ReasonExtensionTooLate
}

// A Binding reports whether cert is the certificate of the contract with
// the given ID: how the update server tells whose certificate it holds. It
// must not modify cert. [BindSubject] is the default;
// [BindSubjectSerialNumber] is stricter, and a deployment whose CA writes
// the contract ID elsewhere supplies its own.
type Binding func(cert *x509.Certificate, contractID string) bool

// BindSubject is the default [Binding]: cert is bound to the contract when
// one of the subject attributes a CA writes an account identifier into
// equals the contract ID exactly, with no case folding or trimming: the
// serialNumber attribute (OID 2.5.4.5), the common name, or an
// organizational unit. A certificate with subject
// "CN=C-2026-0001,O=Example K.K." or "SERIALNUMBER=C-2026-0001,CN=host" is
// bound to contract "C-2026-0001" only. It reports false for a nil cert or
// an empty ID. Where the CA is known to use one attribute, a Binding that
// reads only that one ([BindSubjectSerialNumber]) is tighter.
func BindSubject(cert *x509.Certificate, contractID string) bool {
	if cert == nil || contractID == "" {
		return false
	}
	if cert.Subject.SerialNumber == contractID || cert.Subject.CommonName == contractID {
		return true
	}
	for _, ou := range cert.Subject.OrganizationalUnit {
		if ou == contractID {
			return true
		}
	}
	return false
}

// BindSubjectSerialNumber is a stricter [Binding]: cert is bound to the
// contract when its subject's serialNumber attribute (OID 2.5.4.5, not the
// certificate serial number) equals the contract ID exactly, with no case
// folding or trimming. A certificate with subject
// "CN=example.co.jp,SERIALNUMBER=C-2026-0001" is bound to contract
// "C-2026-0001" only. It reports false for a nil cert or an empty ID.
func BindSubjectSerialNumber(cert *x509.Certificate, contractID string) bool {
	return cert != nil && contractID != "" && cert.Subject.SerialNumber == contractID
}

// A Service describes the support service the contracts belong to (CT-4):
// when it ends and, once that end is extended again, until when the
// certificates issued before that decision keep giving access.
//
// The zero Service is [DefaultService]: the service ends on 2028-06-30,
// no replacement has been decided, and certificates are bound by
// [BindSubject]. A Service is a value: copying it shares
// nothing that can change.
type Service struct {
	// End is the last day of the service, JST; access is refused from the
	// first instant of the next day. Zero means 2028-06-30 (CT-4:
	// "本サポートサービスの終了日 (2028 年 6 月 30 日)").
	End tz.Date

	// ReplaceBy is the last day, JST, on which certificates issued before
	// ReplacementDecided still give access; zero means no replacement has
	// been decided. The source plans it for the end of July 2029
	// ([PlannedReplaceBy]) "if the service end is extended again".
	ReplaceBy tz.Date
	// ReplacementDecided is the instant the extension of the service end
	// that requires replacement was decided. A certificate whose NotBefore
	// is before it is an old certificate; one issued on or after it is a
	// replacement. It must be set when ReplaceBy is.
	ReplacementDecided time.Time

	// Binding decides whether a certificate belongs to a contract; nil
	// means [BindSubject].
	Binding Binding
}

// serviceEnd is the service end the source gives: 2028-06-30.
func serviceEnd() tz.Date { return tz.Date{Year: 2028, Month: time.June, Day: 30} }

// PlannedReplaceBy returns 2029-07-31, the end of July 2029 that the source
// plans as the replacement deadline should the service end be extended
// again (CT-4: "2029 年 7 月末時点 (予定)"). It is a plan, not a decision;
// [Service.ExtendEnd] uses it and the caller may overwrite it.
func PlannedReplaceBy() tz.Date { return tz.Date{Year: 2029, Month: time.July, Day: 31} }

// DefaultService returns the service as the source describes it today: it
// ends on 2028-06-30 and no replacement has been decided. It equals the
// zero Service except that End is written out.
func DefaultService() Service { return Service{End: serviceEnd()} }

// end returns s.End or its default.
func (s Service) end() tz.Date {
	if s.End.IsZero() {
		return serviceEnd()
	}
	return s.End
}

func (s Service) binding() Binding {
	if s.Binding == nil {
		return BindSubject
	}
	return s.Binding
}

// ExtendEnd returns s with its end moved to newEnd by a decision made at
// decidedAt, and with the replacement that decision entails (CT-4): every
// certificate issued before decidedAt gives access only through
// [PlannedReplaceBy] (2029-07-31); set ReplaceBy on the result if the
// actual deadline differs. A ReplaceBy already decided is kept.
//
// It returns an [*InputError] for a zero decidedAt, an invalid newEnd or a
// newEnd not after the current end.
func (s Service) ExtendEnd(newEnd tz.Date, decidedAt time.Time) (Service, error) {
	const fn = "Service.ExtendEnd"
	switch {
	case decidedAt.IsZero():
		return s, inputError(fn, "zero instant decidedAt")
	case !newEnd.IsValid():
		return s, inputError(fn, "invalid new end date "+newEnd.String())
	case !newEnd.After(s.end()):
		return s, inputError(fn, "new end "+newEnd.String()+" not after current end "+s.end().String())
	}
	s.End = newEnd
	if s.ReplaceBy.IsZero() {
		s.ReplaceBy = PlannedReplaceBy()
		s.ReplacementDecided = decidedAt
	}
	return s, nil
}

// Access decides whether cert may download updates for contract c at the
// instant at, under service s. It returns nil when access is allowed and
// otherwise an [*AccessError] whose Reason says why. The reasons are
// checked in three steps, so that the one reported is the one the customer
// can act on:
//
//  1. The certificate: [ReasonNotBound] when cert does not carry c.ID
//     ([Service.Binding]); nothing else about c applies to it.
//  2. The contract and the service, which no certificate can overcome:
//     [ReasonContractEnded] from the first instant after the contract's
//     end day (CT-2; the error matches [ErrRevoked]) when the contract
//     ended on or before the service end, and [ReasonServiceEnded] from
//     the first instant after [Service.End] otherwise (CT-4): whichever
//     came first, so a contract that ended in 2027 is still revoked in
//     2030, and a contract running past the service end is refused for
//     the service. Then [ReasonContractNotStarted] before the contract's
//     start day.
//  3. This certificate, for a contract in force: [ReasonCertNotYetValid]
//     before its NotBefore; [ReasonReplaced] when a replacement was
//     decided, cert was issued (its NotBefore) before the decision and the
//     replacement deadline [Service.ReplaceBy] has passed (CT-4); and
//     [ReasonCertExpired] after its NotAfter (RFC 5280 4.1.2.5: valid
//     from NotBefore through NotAfter, inclusive). Of the last two, the
//     one that came first is reported, the replacement on a tie.
//
// So the replacement reason, whose message tells the customer to use the
// replacement certificate, is given only for the certificates the
// replacement concerns: issued before the decision, for a contract still
// in force when the deadline passed.
//
// The contract, not the certificate's NotAfter, decides (CT-1): a
// certificate valid for years past the contract end is refused the instant
// the contract ends, and a contract extended past NotAfter does not make an
// expired certificate usable. All days end at midnight JST, whatever zone
// at is in.
//
// Access does not verify the certificate's signature, chain, key usage or
// revocation status: the TLS layer does that before Access is asked (see
// [Gatekeeper]). It returns an [*InputError] for a nil cert, a zero at, or
// an invalid c or s.
func Access(c Contract, cert *x509.Certificate, at time.Time, s Service) error {
	const fn = "Access"
	if err := c.check(fn); err != nil {
		return err
	}
	switch {
	case cert == nil:
		return inputError(fn, "nil certificate")
	case at.IsZero():
		return inputError(fn, "zero instant at")
	}
	if err := s.check(fn); err != nil {
		return err
	}
	deny := func(r Reason, limit time.Time) error {
		return &AccessError{Reason: r, ContractID: c.ID, At: at, Limit: limit, Cert: cert}
	}
	if !s.binding()(cert, c.ID) {
		return deny(ReasonNotBound, time.Time{})
	}

	// CT-1, CT-2: the contract decides, through the end of its End day
	// (JST); after that the certificate counts as revoked. CT-4: the
	// service itself ends on 2028-06-30 (or its extended end). Whichever
	// ended first is the reason.
	start, end := c.Period()
	serviceEnd := s.end().EndIn(tz.JST)
	switch {
	case !at.Before(end) && !end.After(serviceEnd):
		return deny(ReasonContractEnded, end)
	case !at.Before(serviceEnd):
		return deny(ReasonServiceEnded, serviceEnd)
	case at.Before(start):
		return deny(ReasonContractNotStarted, start)
	}

	// RFC 5280 4.1.2.5: valid from notBefore through notAfter, inclusive.
	if at.Before(cert.NotBefore) {
		return deny(ReasonCertNotYetValid, cert.NotBefore)
	}
	expired := at.After(cert.NotAfter)
	// CT-4: after an extension of the service end, certificates issued
	// before it must be replaced by the end of July 2029
	// ("2029 年 7 月末時点で…証明書の入れ替えが必要").
	if !s.ReplaceBy.IsZero() && cert.NotBefore.Before(s.ReplacementDecided) {
		by := s.ReplaceBy.EndIn(tz.JST)
		// Expired first when NotAfter+1ns, its first refused instant, is
		// before the deadline.
		if !at.Before(by) && !(expired && cert.NotAfter.Add(1).Before(by)) {
			return deny(ReasonReplaced, by)
		}
	}
	if expired {
		return deny(ReasonCertExpired, cert.NotAfter)
	}
	return nil
}

// An AccessError reports why [Access] refused a certificate.
type AccessError struct {
	Reason Reason
	// ContractID is the contract judged; empty when a [Gatekeeper] found
	// none (ReasonNoCertificate, ReasonNotBound).
	ContractID string
	// At is the instant judged.
	At time.Time
	// Limit is the instant At was compared with: the first instant after
	// the service, the replacement deadline or the contract (ended
	// reasons), the contract start, or the certificate's NotBefore or
	// NotAfter. It is zero for ReasonNotBound and ReasonNoCertificate.
	Limit time.Time
	// Cert is the certificate refused; nil for ReasonNoCertificate.
	Cert *x509.Certificate
}

// Error returns, for example, "contract: access refused for contract C-1
// at 2027-04-01T00:00:00+09:00: contract ended at
// 2027-04-01T00:00:00+09:00; the certificate counts as revoked".
func (e *AccessError) Error() string {
	msg := "contract: access refused for contract " + e.ContractID + " at " + rfc3339(e.At) + ": " + e.Reason.String()
	if e.ContractID == "" {
		msg = "contract: access refused at " + rfc3339(e.At) + ": " + e.Reason.String()
		if e.Reason == ReasonNotBound {
			msg = "contract: access refused at " + rfc3339(e.At) + ": no contract known for the certificate"
		}
	}
	switch e.Reason {
	case ReasonNotBound:
		if e.Cert != nil && e.Cert.SerialNumber != nil {
			msg += " (certificate serial " + serial.Hex(e.Cert.SerialNumber) + ")"
		}
	case ReasonContractNotStarted:
		msg += ": starts at " + rfc3339(e.Limit)
	case ReasonContractEnded:
		msg += " at " + rfc3339(e.Limit) + "; the certificate counts as revoked"
	case ReasonServiceEnded:
		msg += " at " + rfc3339(e.Limit)
	case ReasonReplaced:
		msg += ": old certificates gave access until " + rfc3339(e.Limit) + "; use the replacement certificate"
	case ReasonCertNotYetValid:
		msg += ": valid from " + rfc3339(e.Limit)
	case ReasonCertExpired:
		msg += ": valid until " + rfc3339(e.Limit)
	}
	return msg
}

// Is reports whether target is [ErrRevoked] and e says the contract ended.
func (e *AccessError) Is(target error) bool {
	return target == ErrRevoked && e.Reason == ReasonContractEnded
}
