package renewal

import (
	"errors"
	"testing"
	"time"

	"github.com/certlife/certlife/tz"
	"github.com/google/go-cmp/cmp"
)

func TestCheckRegistryCopy(t *testing.T) {
	d := func(y int, m time.Month, day int) tz.Date { return tz.Date{Year: y, Month: m, Day: day} }
	tests := []struct {
		name              string
		why               string
		issued, submitted tz.Date
		want              *DocumentError // nil: acceptable
	}{
		{name: "RN-6 submitted on the day of issue", issued: d(2024, 1, 10), submitted: d(2024, 1, 10)},
		{name: "RN-6 submitted on the same day number three months later", issued: d(2024, 1, 10), submitted: d(2024, 4, 10)},
		{
			name:   "RN-6 submitted the day after the same day number three months later",
			issued: d(2024, 1, 10), submitted: d(2024, 4, 11),
			want: &DocumentError{Reason: DocumentStale, Issued: d(2024, 1, 10), Submitted: d(2024, 4, 11), Through: d(2024, 4, 10)},
		},
		{
			name:   "RN-6 issued 30 November: acceptable through 29 February in a leap year",
			why:    "February has no 30th: the end of that month",
			issued: d(2023, 11, 30), submitted: d(2024, 2, 29),
		},
		{
			name:   "RN-6 issued 30 November: 1 March is too late",
			issued: d(2023, 11, 30), submitted: d(2024, 3, 1),
			want: &DocumentError{Reason: DocumentStale, Issued: d(2023, 11, 30), Submitted: d(2024, 3, 1), Through: d(2024, 2, 29)},
		},
		{
			name:   "RN-6 issued 30 November 2024: acceptable through 28 February 2025",
			issued: d(2024, 11, 30), submitted: d(2025, 2, 28),
		},
		{
			name:   "RN-6 issued 31 January: acceptable through 30 April",
			issued: d(2024, 1, 31), submitted: d(2024, 4, 30),
		},
		{
			name:   "RN-6 issued 31 January: 1 May is too late",
			issued: d(2024, 1, 31), submitted: d(2024, 5, 1),
			want: &DocumentError{Reason: DocumentStale, Issued: d(2024, 1, 31), Submitted: d(2024, 5, 1), Through: d(2024, 4, 30)},
		},
		{
			name:   "RN-6 issued on a month's last day: acceptable through the third month's last day",
			why:    "art. 143: the period starts 1 May and ends the day before 1 August",
			issued: d(2024, 4, 30), submitted: d(2024, 7, 31),
		},
		{
			name:   "RN-6 issued on a month's last day: the next day is too late",
			issued: d(2024, 4, 30), submitted: d(2024, 8, 1),
			want: &DocumentError{Reason: DocumentStale, Issued: d(2024, 4, 30), Submitted: d(2024, 8, 1), Through: d(2024, 7, 31)},
		},
		{
			name:   "RN-6 issued 28 February in a common year: through 31 May",
			why:    "the period starts 1 March; the day before 1 June is 31 May",
			issued: d(2023, 2, 28), submitted: d(2023, 5, 31),
		},
		{
			name:   "RN-6 issued 28 February in a leap year: through 28 May",
			why:    "28 February 2024 is not a month end; the period starts 29 February",
			issued: d(2024, 2, 28), submitted: d(2024, 5, 28),
		},
		{
			name:   "RN-6 issued 28 February in a leap year: 29 May is too late",
			issued: d(2024, 2, 28), submitted: d(2024, 5, 29),
			want: &DocumentError{Reason: DocumentStale, Issued: d(2024, 2, 28), Submitted: d(2024, 5, 29), Through: d(2024, 5, 28)},
		},
		{
			name:   "RN-6 across a year end",
			issued: d(2049, 10, 15), submitted: d(2050, 1, 15),
		},
		{
			name:   "RN-6 submitted before the copy was issued",
			why:    "impossible for an original: most often swapped arguments",
			issued: d(2024, 1, 10), submitted: d(2024, 1, 9),
			want: &DocumentError{Reason: DocumentPredates, Issued: d(2024, 1, 10), Submitted: d(2024, 1, 9), Through: d(2024, 4, 10)},
		},
		{
			name:   "RN-6 an invalid issue date",
			issued: d(2023, 2, 29), submitted: d(2023, 3, 1),
			want: &DocumentError{Reason: DocumentBadDate, Issued: d(2023, 2, 29), Submitted: d(2023, 3, 1)},
		},
		{
			name:   "RN-6 a zero submission date",
			issued: d(2024, 1, 10),
			want:   &DocumentError{Reason: DocumentBadDate, Issued: d(2024, 1, 10)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckRegistryCopy(tt.issued, tt.submitted)
			checkDocumentError(t, tt.want, err, tt.why)
		})
	}
}

func checkDocumentError(t *testing.T, want *DocumentError, err error, why string) {
	t.Helper()
	if want == nil {
		if err != nil {
			t.Errorf("error = %v, want nil (%s)", err, why)
		}
		return
	}
	var got *DocumentError
	if !errors.As(err, &got) {
		t.Fatalf("error = %v, want a *DocumentError (%s)", err, why)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("DocumentError mismatch (-want +got): %s\n%s", why, diff)
	}
}

func TestDocumentsCheck(t *testing.T) {
	sub := tz.Date{Year: 2024, Month: 5, Day: 1}
	stale := tz.Date{Year: 2024, Month: 1, Day: 10}
	tests := []struct {
		name string
		why  string
		d    Documents
		want *DocumentError
	}{
		{name: "RN-6 a company code suffices", d: Documents{CompanyCode: "987654321"}},
		{
			name: "RN-6 a company code suffices even with a stale registry copy",
			d:    Documents{CompanyCode: "987654321", RegistryCopyIssued: stale},
		},
		{
			name: "RN-6 a company code of other lengths is accepted",
			why:  "the FAQ gives no format; only digits are required",
			d:    Documents{CompanyCode: "12345"},
		},
		{
			name: "RN-6 a company code with a hyphen is refused",
			d:    Documents{CompanyCode: "987-654-321"},
			want: &DocumentError{Reason: DocumentBadCompanyCode, CompanyCode: "987-654-321", Submitted: sub},
		},
		{
			name: "RN-6 a company code in fullwidth digits is refused",
			d:    Documents{CompanyCode: "９８７"},
			want: &DocumentError{Reason: DocumentBadCompanyCode, CompanyCode: "９８７", Submitted: sub},
		},
		{
			name: "RN-6 a fresh registry copy suffices",
			d:    Documents{RegistryCopyIssued: tz.Date{Year: 2024, Month: 3, Day: 1}},
		},
		{
			name: "RN-6 a stale registry copy is refused",
			d:    Documents{RegistryCopyIssued: stale},
			want: &DocumentError{Reason: DocumentStale, Issued: stale, Submitted: sub, Through: tz.Date{Year: 2024, Month: 4, Day: 10}},
		},
		{
			name: "RN-6 no documents",
			want: &DocumentError{Reason: DocumentNone, Submitted: sub},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkDocumentError(t, tt.want, tt.d.Check(sub), tt.why)
		})
	}
}

func TestDocumentErrorMessage(t *testing.T) {
	err := CheckRegistryCopy(tz.Date{Year: 2024, Month: 1, Day: 10}, tz.Date{Year: 2024, Month: 4, Day: 11})
	want := "renewal: registry copy is older than three months: issued 2024-01-10, submitted 2024-04-11, acceptable from 2024-01-10 through 2024-04-10 (RN-6)"
	if err == nil || err.Error() != want {
		t.Errorf("RN-6 error = %v, want %s", err, want)
	}
	if got := DocumentReason(0).String(); got != "DocumentReason(0)" {
		t.Errorf("DocumentReason(0).String() = %q", got)
	}
}
