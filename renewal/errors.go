package renewal

import (
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/certlife/certlife/tz"
)

// ErrTooEarly is the sentinel that a [*TooEarlyError] matches with
// [errors.Is]: a renewal was applied for before the wait of RN-3 was over.
// It is the only outcome of [Classify] a portal is expected to branch on;
// the typed error says from when the renewal is accepted.
var ErrTooEarly = errors.New("renewal: too early")

// TooEarlyError is returned by [Classify] and [Inventory.Classify] when an
// application would be a renewal (RN-2) but is made before the wait of RN-3
// is over. It matches [ErrTooEarly] with [errors.Is].
type TooEarlyError struct {
	// At is the instant of the application.
	At time.Time
	// OpensAt is the first instant at which the renewal is accepted
	// ([OpensAt] of Current.NotBefore).
	OpensAt time.Time
	// Current is the certificate the application would renew.
	Current Held
}

// Error reports the application instant and the opening instant in JST,
// the zone in which RN-3 counts by default, in RFC 3339.
func (e *TooEarlyError) Error() string {
	return "renewal: renewal of " + strconv.Quote(e.Current.Subject.CommonName) +
		" applied for at " + e.At.In(tz.JST).Format(time.RFC3339Nano) +
		" is accepted from " + e.OpensAt.In(tz.JST).Format(time.RFC3339) +
		" (RN-3)"
}

// Is reports whether target is [ErrTooEarly].
func (e *TooEarlyError) Is(target error) bool { return target == ErrTooEarly }

// Reason says why a function of this package refused its input. See
// [Error].
type Reason int

const (
	// ReasonZeroTime results when the instant of an application or a plan
	// is the zero time.Time. A zero instant is a caller bug; it is never
	// taken as "now".
	ReasonZeroTime Reason = iota + 1
	// ReasonNoRequest results when [ApplicationFrom] is given a nil CSR.
	ReasonNoRequest
	// ReasonBadSignature results when the CSR's self-signature does not
	// verify (or uses an algorithm crypto/x509 cannot check); Err holds the
	// error from [x509.CertificateRequest.CheckSignature].
	ReasonBadSignature
	// ReasonNoCommonName results when an application has neither a subject
	// common name nor a DNS name: RN-1 to RN-4 decide by the name.
	ReasonNoCommonName
	// ReasonBadPolicy results when a [Policy] is invalid
	// ([Policy.Validate]): a missing rule, a number out of range, an
	// unknown value.
	ReasonBadPolicy
	// ReasonBadOption results when an [Option] is out of range (a
	// negative margin, a fraction outside (0, 1)) or does not apply to
	// the function it is given to.
	ReasonBadOption
	// ReasonNoValidity results when a held certificate lacks the notBefore
	// or notAfter a rule needs, or its notAfter is before its notBefore.
	ReasonNoValidity
	// ReasonNoKeyID results when [ARICertID] is given a certificate without
	// an authority key identifier keyIdentifier, which RFC 9773 section
	// 4.1 needs.
	ReasonNoKeyID
	// ReasonBadRenewalInfo results when [ParseRenewalInfo] is given text
	// that is not a valid RFC 9773 renewalInfo object.
	ReasonBadRenewalInfo
	// ReasonBadRetryAfter results when [ParseRetryAfter] is given a value
	// that is neither delta-seconds nor an HTTP-date (RFC 9110 section
	// 10.2.3).
	ReasonBadRetryAfter
	// ReasonCalendar results when a renewal [Window]'s calendar cannot
	// answer (a date outside the known holidays, a calendar closed every
	// day); Err holds the package tz error.
	ReasonCalendar
)

// String returns a short lower-case description of r.
func (r Reason) String() string {
	switch r {
	case ReasonZeroTime:
		return "zero instant"
	case ReasonNoRequest:
		return "no certificate request"
	case ReasonBadSignature:
		return "certificate request signature does not verify"
	case ReasonNoCommonName:
		return "no common name"
	case ReasonBadPolicy:
		return "invalid policy"
	case ReasonBadOption:
		return "invalid option"
	case ReasonNoValidity:
		return "no validity period"
	case ReasonNoKeyID:
		return "no authority key identifier"
	case ReasonBadRenewalInfo:
		return "invalid renewalInfo"
	case ReasonBadRetryAfter:
		return "invalid Retry-After"
	case ReasonCalendar:
		return "calendar cannot answer"
	}
	return "Reason(" + strconv.Itoa(int(r)) + ")"
}

// Error is the error this package returns for input it cannot judge.
// Decisions and schedules themselves are never an *Error: a too-early
// renewal is a [*TooEarlyError], an impossible schedule a
// [*ScheduleError].
type Error struct {
	// Reason says what was wrong.
	Reason Reason
	// Detail names the offending value, when there is one (a policy field,
	// the common name, the text that did not parse).
	Detail string
	// Err is the underlying error, for ReasonBadSignature and
	// ReasonCalendar.
	Err error
}

// Error returns "renewal: " followed by the reason, the detail and the
// underlying error, when there are any.
func (e *Error) Error() string {
	s := "renewal: " + e.Reason.String()
	if e.Detail != "" {
		s += ": " + e.Detail
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the underlying error, if any.
func (e *Error) Unwrap() error { return e.Err }

// ErrNoSchedule is the sentinel that a [*ScheduleError] matches with
// [errors.Is]: no renewal schedule exists for the certificate under the
// policy and windows given.
var ErrNoSchedule = errors.New("renewal: no renewal schedule")

// ScheduleReason says why [Plan] found no schedule. See [ScheduleError].
type ScheduleReason int

const (
	// ScheduleOpensAfterExpiry results when renewal opens after the held
	// certificate's notAfter (RN-12): a 160-hour certificate under a
	// 30-day wait. The certificate cannot be renewed under the policy;
	// apply for a new one, or use the CA's actual policy.
	ScheduleOpensAfterExpiry ScheduleReason = iota + 1
	// ScheduleNoAllowedInstant results when the renewal [Window]s given
	// allow no instant from when renewal opens (or the plan's instant)
	// through the deadline.
	ScheduleNoAllowedInstant
)

// String returns a short lower-case description of r.
func (r ScheduleReason) String() string {
	switch r {
	case ScheduleOpensAfterExpiry:
		return "renewal opens after the certificate expires"
	case ScheduleNoAllowedInstant:
		return "no allowed instant before the deadline"
	}
	return "ScheduleReason(" + strconv.Itoa(int(r)) + ")"
}

// ScheduleError is returned by [Plan] when no schedule exists: renewal
// opens after the certificate expires, or the renewal windows allow no
// instant before the deadline. It matches
// [ErrNoSchedule] with [errors.Is], so that a caller cannot take a Due
// after expiry for a plan.
type ScheduleError struct {
	// Reason says why there is no schedule.
	Reason ScheduleReason
	// Certificate names the held certificate (common name and serial).
	Certificate string
	// At is the instant of the plan.
	At time.Time
	// Opens is when renewal opens under the policy.
	Opens time.Time
	// Deadline is the last safe moment, the end of the search for an
	// allowed instant; zero for ScheduleOpensAfterExpiry.
	Deadline time.Time
	// NotAfter is the held certificate's notAfter.
	NotAfter time.Time
	// Windows names the renewal windows that blocked every instant, for
	// ScheduleNoAllowedInstant.
	Windows []string
}

// Error returns "renewal: " followed by the reason and the instants
// compared, in RFC 3339 UTC, ending with the rule id.
func (e *ScheduleError) Error() string {
	s := "renewal: " + e.Certificate + ": " + e.Reason.String()
	utc := func(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }
	switch e.Reason {
	case ScheduleOpensAfterExpiry:
		return s + ": opens " + utc(e.Opens) + ", notAfter " + utc(e.NotAfter) + " (RN-12)"
	case ScheduleNoAllowedInstant:
		return s + ": windows " + strings.Join(e.Windows, ", ") + " allow no instant from " +
			utc(e.Opens) + " through " + utc(e.Deadline) + " (RN-10)"
	}
	return s
}

// Is reports whether target is [ErrNoSchedule].
func (e *ScheduleError) Is(target error) bool { return target == ErrNoSchedule }

// DocumentReason says why [CheckRegistryCopy] or [Documents.Check] refused
// the documents of an application (RN-6). See [DocumentError].
type DocumentReason int

const (
	// DocumentNone results when neither a company code nor the issue date
	// of a registry copy is given.
	DocumentNone DocumentReason = iota + 1
	// DocumentBadCompanyCode results when a company code is given but is not
	// made of ASCII digits only.
	DocumentBadCompanyCode
	// DocumentBadDate results when the issue or submission date is not a
	// valid calendar date (tz.Date.IsValid).
	DocumentBadDate
	// DocumentStale results when the registry copy was issued more than
	// three months before submission: the submission date is after
	// tz.MonthsAfter(issued, 3).
	DocumentStale
	// DocumentPredates results when the submission date is before the
	// registry copy's issue date, which is impossible for an original and
	// most often a swapped argument or a typing error.
	DocumentPredates
)

// String returns a short lower-case description of r.
func (r DocumentReason) String() string {
	switch r {
	case DocumentNone:
		return "no company code and no registry copy"
	case DocumentBadCompanyCode:
		return "company code is not all digits"
	case DocumentBadDate:
		return "invalid date"
	case DocumentStale:
		return "registry copy is older than three months"
	case DocumentPredates:
		return "registry copy is issued after submission"
	}
	return "DocumentReason(" + strconv.Itoa(int(r)) + ")"
}

// DocumentError is the error [CheckRegistryCopy] and [Documents.Check]
// return when the documents do not satisfy RN-6.
type DocumentError struct {
	// Reason says what was wrong.
	Reason DocumentReason
	// Issued is the issue date of the registry copy (zero if none).
	Issued tz.Date
	// Submitted is the submission date judged.
	Submitted tz.Date
	// Through is the last submission day on which the copy is acceptable,
	// tz.MonthsAfter(Issued, 3), for DocumentStale and DocumentPredates.
	Through tz.Date
	// CompanyCode is the company code given, for DocumentBadCompanyCode.
	// A company code is public business data, not a secret.
	CompanyCode string
}

// Error returns "renewal: " followed by the reason and the dates or code
// compared, ending with the rule id (RN-6).
func (e *DocumentError) Error() string {
	s := "renewal: " + e.Reason.String()
	switch e.Reason {
	case DocumentBadCompanyCode:
		s += ": " + strconv.Quote(e.CompanyCode)
	case DocumentBadDate:
		s += ": issued " + e.Issued.String() + ", submitted " + e.Submitted.String()
	case DocumentStale, DocumentPredates:
		s += ": issued " + e.Issued.String() + ", submitted " + e.Submitted.String() +
			", acceptable from " + e.Issued.String() + " through " + e.Through.String()
	}
	return s + " (RN-6)"
}
