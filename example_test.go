package certlife_test

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/certlife/certlife/contract"
	"github.com/certlife/certlife/pkce"
	"github.com/certlife/certlife/renewal"
	"github.com/certlife/certlife/tz"
	"github.com/certlife/certlife/validity"
)

// The taste of the API that README.md shows; TestREADMETaste keeps the two
// the same.
func Example() {
	// TV-2: the CA prints GMT; until when, in JST, is the certificate valid?
	from, _ := tz.Parse("12/10/2011 00:00:00 GMT")
	to, _ := tz.Parse("Validity End Date :12/10/2012 23:59:59 GMT")
	p := validity.Period{NotBefore: from, NotAfter: to}
	fmt.Println(p.Format(tz.JST), "|", p.Days(), "days") // TV-3: inclusive ends

	// RN-3: a renewal is accepted from 00:00 JST of the 31st day after issue.
	opens, _ := renewal.OpensAt(renewal.Held{NotBefore: from, NotAfter: to}, renewal.DefaultPolicy())
	fmt.Println(opens.In(tz.JST))

	// TV-6: the longest TLS server certificate one may issue on a given day.
	issued, _ := tz.Parse("2026-11-21")
	fmt.Println(validity.TLSServerLimit(issued).MaxDays, "days")

	// CT-7, CT-8: when the download mail is due, and until when it works.
	cal := tz.BusinessCalendar{}.With(tz.YearEndClosing())
	by, _ := contract.IssueBy(tz.Date{Year: 2026, Month: 4, Day: 28}, cal)
	fmt.Println(by)
	mailed, _ := tz.Parse("2026/05/11 10:00:00 JST")
	fmt.Println(contract.DownloadDeadline(mailed))

	// PK-1: the error names the position, never the password.
	fmt.Println(pkce.CheckPassword("Sample2026!"))
	// Output:
	// 2011-12-10 09:00:00 JST – 2012-12-11 08:59:59 JST | 367 days
	// 2012-01-10 00:00:00 +0900 JST
	// 200 days
	// 2026-05-11
	// 2026-05-26 00:00:00 +0900 JST
	// pkce: password character 11 is not an ASCII letter or digit
}

// TestREADMETaste checks that the program in README.md is Example's body and
// prints what README.md says it prints.
func TestREADMETaste(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	self, err := os.ReadFile("example_test.go")
	if err != nil {
		t.Fatal(err)
	}
	code := regexp.MustCompile("(?s)```go\n.*?func main\\(\\) \\{\n(.*?)\n\\}\n```").FindSubmatch(readme)
	out := regexp.MustCompile("(?s)prints\n\n```\n(.*?)```").FindSubmatch(readme)
	if code == nil || out == nil {
		t.Fatal("README.md has no taste program followed by its output")
	}
	var want strings.Builder
	want.Write(code[1])
	want.WriteString("\n\t// Output:\n")
	for _, l := range strings.Split(strings.TrimSuffix(string(out[1]), "\n"), "\n") {
		want.WriteString("\t// " + l + "\n")
	}
	if !strings.Contains(string(self), "func Example() {\n"+want.String()+"}") {
		t.Errorf("README.md's taste program and its output differ from Example in example_test.go")
	}
}
