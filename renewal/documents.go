package renewal

import "github.com/certlife/certlife/tz"

// RegistryCopyMonths is how many months before submission a certified copy
// of the company registry (登記簿謄本) may have been issued (RN-6).
const RegistryCopyMonths = 3

// CheckRegistryCopy reports whether a certified copy of the company
// registry issued on issued is acceptable when submitted on submitted
// (RN-6): it is acceptable from its issue day through
// tz.MonthsAfter(issued, 3), the same day number three months later, or the
// end of that month if it has no such day. A copy issued 2024-01-10 is
// acceptable through 2024-04-10, one issued 2023-11-30 through 2024-02-29.
//
// The one reading where "the same day number" and the Civil Code differ is
// a copy issued on the last day of a month shorter than the third month
// after it: counted by art. 143, as tz.MonthsAfter counts, the period
// starts on the 1st of the next month and so ends on the last day of the
// third month. A copy issued 2024-04-30 is acceptable through 2024-07-31
// (not 07-30), one issued 2023-02-28 through 2023-05-31 (not 05-28). This
// package follows the Civil Code, the default of the rule book's day
// counting; a stricter portal can compare with issued.AddMonths(3) itself.
//
// Both dates are civil dates in JST, the zone the CA counts in; use
// tz.DateOf(t, tz.JST) to get them from instants. It returns a
// [*DocumentError] with DocumentBadDate for an invalid date, DocumentStale
// after the last acceptable day and DocumentPredates when submitted is
// before issued. It cannot tell an original from a photocopy.
func CheckRegistryCopy(issued, submitted tz.Date) error {
	if !issued.IsValid() || !submitted.IsValid() {
		return &DocumentError{Reason: DocumentBadDate, Issued: issued, Submitted: submitted}
	}
	// RN-6: "issued within 3 months before submission", counted as Civil
	// Code art. 143 counts months.
	through := tz.MonthsAfter(issued, RegistryCopyMonths)
	switch {
	case submitted.Before(issued):
		return &DocumentError{Reason: DocumentPredates, Issued: issued, Submitted: submitted, Through: through}
	case submitted.After(through):
		return &DocumentError{Reason: DocumentStale, Issued: issued, Submitted: submitted, Through: through}
	}
	return nil
}

// Documents records how an applicant proves that its organization exists
// (RN-6). A renewal needs the same documents as a new application: either
// a Teikoku Databank company code (帝国データバンク企業コード) or an
// original certified copy of the company registry issued within three
// months before submission.
type Documents struct {
	// CompanyCode is the Teikoku Databank company code, if the applicant
	// gives one. The source FAQ gives no format, so only ASCII digits are
	// required: no length or check digit is verified, and whether the code
	// exists is for the CA to look up.
	CompanyCode string
	// RegistryCopyIssued is the issue date of the certified registry copy,
	// if the applicant submits one; the zero Date if not.
	RegistryCopyIssued tz.Date
}

// Check reports whether d satisfies RN-6 for a submission on submitted. A
// company code, when given, suffices, and must then be well formed even if a
// registry copy is given too; otherwise the registry copy is checked with
// [CheckRegistryCopy]. It returns a [*DocumentError]: DocumentNone when d
// is the zero Documents, DocumentBadCompanyCode for a code that is not all
// ASCII digits, or what CheckRegistryCopy returns.
func (d Documents) Check(submitted tz.Date) error {
	if d.CompanyCode != "" {
		for i := 0; i < len(d.CompanyCode); i++ {
			if c := d.CompanyCode[i]; c < '0' || c > '9' {
				return &DocumentError{Reason: DocumentBadCompanyCode, CompanyCode: d.CompanyCode, Submitted: submitted}
			}
		}
		return nil
	}
	if d.RegistryCopyIssued.IsZero() {
		return &DocumentError{Reason: DocumentNone, Submitted: submitted}
	}
	return CheckRegistryCopy(d.RegistryCopyIssued, submitted)
}
