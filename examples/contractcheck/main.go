// Contractcheck judges a contract-bound client certificate (rules CT-1 to
// CT-9): whether it gives access to the update server at an instant, by
// when its download mail is due, until when it can be downloaded, and when
// the download site is next down for maintenance.
//
// Usage:
//
//	contractcheck [flags] [contract.json|directory|- ...]
//
// With no file, contractcheck judges its embedded sample: contract
// C-2026-0001 from 2026-05-01 to 2027-04-30, dated 2026-04-28, mailed on
// 2026-05-11 at 10:00 JST, and a client certificate bound to it whose own
// notAfter (2031-05-10) lies far beyond the contract. A file named "-" is
// standard input; a directory is read whole, links followed, and its files
// that are not JSON objects are skipped and reported (package
// examples/internal/input reads the files). Flags may come before or after
// the files.
//
// A contract file is JSON:
//
//	{
//	  "id": "C-2026-0001",               contract ID, carried by the certificate's
//	                                     subject serialNumber (required)
//	  "start": "2026-05-01",             first day in force, JST (required)
//	  "end": "2027-04-30",               last day in force, JST (required)
//	  "contract_date": "2026-04-28",     day the support certificate was delivered
//	                                     (CT-7; default: start)
//	  "mailed": "2026-05-11 10:00:00 JST",  when the download mail was sent, any
//	                                     form tz.Parse reads (optional)
//	  "closed": ["2026-08-13"],          company closing days besides weekends,
//	                                     national holidays and 29 Dec to 3 Jan
//	  "no_year_end_closing": false,      true: the company works 29 Dec to 3 Jan
//	  "maintenance": {                   CT-9 overrides of the third-Tuesday rule
//	    "announced": [{"start": "...", "end": "..."}],
//	    "cancelled": ["2026-06-16"]      months without the usual window
//	  },
//	  "service_end": "2029-06-30",       an extended service end (CT-4), with
//	  "service_extended_at": "..."       the instant it was decided
//	}
//
// Unknown fields are refused, so that a misspelt field is not silently
// ignored. A file holds one contract, of at most 1 MiB: a second JSON value
// after it is reported and not judged (exit 1), and text after it that is
// not JSON is an error. Errors name the file and the line.
//
// For each contract it prints the days it is in force, the access decision
// at -at for the certificate (package contract's Access: the contract
// decides, not the certificate's notAfter, CT-1; an ended contract makes
// the certificate count as revoked, CT-2; the service end, CT-4), the day
// the download mail is due (IssueBy, the fifth business day after the
// contract date, CT-7), the end of the download window (DownloadDeadline,
// 14 days after the mail, CT-8) and whether a download can happen at -at
// (CanDownload), and the next maintenance window (CT-9: the schedule built
// once with NewMaintenance from the file's announced windows and cancelled
// months, then Maintenance.At and Maintenance.Next, each a few binary
// searches however many windows the file announces).
//
// # Flags
//
//	-at TIME     judge at TIME instead of now (any form tz.Parse reads)
//	-cert FILE   the client certificate (PEM, DER or PKCS#7; with its CA
//	             certificates or without, the one end-entity certificate is
//	             judged); default: the
//	             embedded sample certificate when no contract file is given,
//	             otherwise none, and access is judged on the contract alone
//	             (with a stand-in certificate bound to the contract, issued
//	             at its start and never expiring)
//	-json        print one JSON object per contract per line, then a
//	             summary line
//
// # Exit codes
//
//	0  access is allowed at -at
//	1  access is refused at -at (the reason is printed), or a contract file
//	   holds a second contract
//	2  usage error or bad input; 2 wins over 1 when several files are given
//
// # JSON
//
// With -json, each contract is one line holding an object (times RFC 3339
// in JST, dates YYYY-MM-DD):
//
//	input              the file name, "-" or "sample"
//	id, start, end     the contract
//	in_force_from      first instant in force
//	in_force_until     first instant no longer in force
//	service_end        last day of the service
//	at                 the instant judged
//	access             "allowed" or "refused"
//	reason             why access is refused (package contract's Reason in words), else ""
//	revoked            true when the contract ended and the certificate counts as revoked
//	message            the refusal in full, else ""
//	certificate        the certificate judged: {"subject", "serial", "not_before", "not_after"},
//	                   or null
//	contract_date      the contract date (CT-7)
//	issue_by           the day the download mail is due
//	mailed             when the mail was sent, or null
//	download_deadline  first instant the download URL no longer works: from mailed,
//	                   or, when mailed is null, from issue_by
//	can_download       with mailed: true or false; else null
//	download_reason    why a download cannot happen at "at", else ""
//	next_maintenance   {"start", "end"} of the next window starting after "at"
//	in_maintenance     true when "at" falls in a maintenance window
//
// The last line is {"record": "summary", "contracts", "errors",
// "extra_contracts", "skipped": [{"path", "reason"}]}: how many contracts
// were judged, how many errors were reported on standard error, how many
// second contracts were found after a file's first, and which directory
// entries were skipped.
//
// Field names are stable; new fields may be added.
//
// # Examples
//
//	go run ./examples/contractcheck -at 2026-05-19T23:00:00+09:00
//	contractcheck -at 2027-05-01 -cert client.pem contract.json
package main

import (
	"bytes"
	"crypto/x509"
	_ "embed"
	"encoding/json"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/certlife/certlife/contract"
	"github.com/certlife/certlife/examples/internal/cli"
	"github.com/certlife/certlife/examples/internal/input"
	"github.com/certlife/certlife/examples/internal/x509text"
	"github.com/certlife/certlife/tz"
)

// The embedded sample: a contract and its client certificate, written by
// TestFixtures (go test -run TestFixtures -update regenerates the
// certificate).
var (
	//go:embed testdata/contract.json
	sampleContract []byte
	//go:embed testdata/client.pem
	sampleCert []byte
)

const name = "contractcheck"

const usage = `usage: contractcheck [flags] [contract.json|directory|- ...]

Judges a contract-bound client certificate: access at an instant (CT-1..4),
the day the download mail is due (CT-7), the download deadline (CT-8) and
the next maintenance window (CT-9). With no file, judges an embedded sample
contract and certificate. A file "-" is standard input; a directory is read
whole. One contract a file; see go doc for the contract file's fields.

Flags:
  -at TIME    judge at TIME (default: now), e.g. 2027-04-30T23:59:59+09:00,
              "2026/05/19 23:00:00 JST", 2027-05-01 (00:00 JST)
  -cert FILE  the client certificate, PEM, DER or PKCS#7 (with its chain or not)
  -json       one JSON object per contract per line, then a summary
  -h          this help

Exit codes: 0 access allowed; 1 access refused, or a second contract in a
file; 2 usage or input error.

Examples:
  contractcheck -at 2026-05-19T23:00:00+09:00
  contractcheck -at 2027-05-01 -cert client.pem contract.json
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr, cli.Host()))
}

// maxContract is the largest contract file read: a contract is a few
// hundred bytes of JSON.
const maxContract = 1 << 20

// file is a contract file.
type file struct {
	ID               string    `json:"id"`
	Start            tz.Date   `json:"start"`
	End              tz.Date   `json:"end"`
	ContractDate     tz.Date   `json:"contract_date"`
	Mailed           string    `json:"mailed"`
	Closed           []tz.Date `json:"closed"`
	NoYearEndClosing bool      `json:"no_year_end_closing"`
	Maintenance      struct {
		Announced []struct {
			Start string `json:"start"`
			End   string `json:"end"`
		} `json:"announced"`
		Cancelled []tz.Date `json:"cancelled"`
	} `json:"maintenance"`
	ServiceEnd        tz.Date `json:"service_end"`
	ServiceExtendedAt string  `json:"service_extended_at"`
}

// judged is a contract made ready to judge.
type judged struct {
	contract contract.Contract
	date     tz.Date // contract date, CT-7
	mailed   time.Time
	cal      tz.BusinessCalendar
	maint    contract.Maintenance
	service  contract.Service
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer, env cli.Env) int {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	atText := fs.String("at", "", "judge at this instant (default: now)")
	certFile := fs.String("cert", "", "client certificate, PEM or DER")
	asJSON := fs.Bool("json", false, "print JSON Lines")
	files, code, ok := cli.Parse(fs, args, usage, stdout, stderr)
	if !ok {
		return code
	}
	fail := func(format string, a ...any) int { return cli.Fail(stderr, name, format, a...) }
	at, err := cli.At(*atText, env)
	if err != nil {
		return fail("-at: %v", err)
	}
	at = at.In(tz.JST)
	stdinUses := 0
	for _, f := range append(files, *certFile) {
		if f == "-" {
			stdinUses++
		}
	}
	if stdinUses > 1 {
		return fail("standard input (-) named more than once: by -cert and the contract files")
	}
	rd := &input.Reader{Stdin: stdin, Limits: input.Limits{Total: 64 << 20}}
	var cert *x509.Certificate
	switch {
	case *certFile != "":
		if cert, err = readCert(rd, *certFile); err != nil {
			return fail("-cert: %v", err)
		}
	case len(files) == 0:
		cert, _ = x509.ParseCertificate(mustPEM(sampleCert))
	}

	out := cli.NewWriter(stdout)
	sum := summary{Record: "summary", Skipped: []skipJSON{}}
	refused := false
	report := func(err error) {
		if out.Flush() == nil {
			cli.Fail(stderr, name, "%v", err)
		}
		sum.Errors++
	}
	judge := func(input string, j *judged) error {
		r, err := j.report(input, cert, at)
		if err != nil {
			report(fmt.Errorf("%s: %v", input, err))
			return nil
		}
		sum.Contracts++
		refused = refused || r.Access != "allowed"
		if *asJSON {
			b, _ := json.Marshal(r)
			out.Write(append(b, '\n'))
		} else {
			r.text(out)
		}
		return out.Err()
	}
	h := inputHandler(rd, judge, report, func(e error) {
		// A second contract in a file that holds one: the first was
		// judged; the answer is "no" (exit 1), the file must be fixed.
		if out.Flush() == nil {
			cli.Fail(stderr, name, "%v", e)
		}
		sum.Extra++
	}, func(s input.Skip) {
		if out.Flush() == nil {
			fmt.Fprintf(stderr, "%s: skipped %s: %s\n", name, s.Path, s.Reason)
		}
	})
	if len(files) == 0 {
		err = rd.ReadNamed("sample", bytes.NewReader(sampleContract), h)
	} else {
		err = rd.Read(files, h)
	}
	if err == nil && *asJSON {
		for _, s := range rd.Skipped {
			sum.Skipped = append(sum.Skipped, skipJSON{s.Path, s.Reason})
		}
		b, _ := json.Marshal(sum)
		out.Write(append(b, '\n'))
	}
	if err == nil {
		err = out.Flush()
	}
	switch {
	case err != nil:
		return fail("writing output: %v", err)
	case sum.Errors > 0:
		return cli.ExitError
	case refused || sum.Extra > 0:
		return cli.ExitNegative
	}
	return cli.ExitOK
}

// summary is the last line of -json output.
type summary struct {
	Record    string     `json:"record"`
	Contracts int        `json:"contracts"`
	Errors    int        `json:"errors"`
	Extra     int        `json:"extra_contracts"`
	Skipped   []skipJSON `json:"skipped"`
}

type skipJSON struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

// inputHandler reads contract files through the shared input layer (files,
// directories, "-"): each file holds one contract, judged with judge. A
// second JSON value after it is reported with extra.
func inputHandler(rd *input.Reader, judge func(string, *judged) error, fail, extra func(error), skip func(input.Skip)) input.Handler {
	return input.Handler{
		Raw: func(file string, r io.Reader) error {
			data, err := io.ReadAll(io.LimitReader(r, maxContract+1))
			if e := rd.TotalError(file, err); e != nil {
				return e
			}
			if err != nil {
				return &input.Error{File: file, Found: "cannot read: " + err.Error()}
			}
			if len(data) > maxContract {
				return &input.Error{File: file, Found: "larger than 1 MiB", Want: "a contract file, a JSON object"}
			}
			j, rest, lerr := load(data)
			if lerr != nil {
				lerr.File = file
				return lerr
			}
			if err := judge(file, j); err != nil {
				return err
			}
			if rest != "" {
				extra(&input.Error{File: file, Where: rest, Found: "a second JSON value after the contract, not judged",
					Want: "one contract a file; put each contract in a file of its own"})
			}
			return nil
		},
		Error: fail,
		Skip:  skip,
	}
}

// readCert reads the client certificate of -cert: the one end-entity
// certificate of the file (a chain may come with it).
func readCert(rd *input.Reader, file string) (*x509.Certificate, error) {
	items, err := rd.ReadOne(file, input.Handler{
		Want:     func(k input.Kind) bool { return k == input.KindCertificate },
		WantText: "a client certificate, PEM or DER",
	})
	if err != nil {
		return nil, err
	}
	var leaves []*x509.Certificate
	for _, it := range items {
		if it.Err != nil {
			return nil, it.Err
		}
		if !it.Cert.IsCA {
			leaves = append(leaves, it.Cert)
		}
	}
	if len(leaves) != 1 {
		return nil, &input.Error{File: file, Found: fmt.Sprintf("holds %d end-entity certificates", len(leaves)),
			Want: "one client certificate, with or without its CA certificates"}
	}
	return leaves[0], nil
}

// mustPEM returns the DER of the first PEM block of an embedded file.
func mustPEM(data []byte) []byte {
	p, _ := pem.Decode(data)
	return p.Bytes
}

// load reads and checks a contract file: one JSON object. rest is set,
// to where it starts ("line 12"), when a second JSON value follows it.
func load(data []byte) (j *judged, rest string, err *input.Error) {
	var f file
	t := bytes.TrimLeft(data, " \t\r\n")
	t = bytes.TrimPrefix(t, []byte("\xef\xbb\xbf"))
	if len(t) == 0 || t[0] != '{' {
		return nil, "", &input.Error{Found: "no JSON object", Want: "a contract file, a JSON object", Unrecognised: true}
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, "", jsonError(data, dec, err)
	}
	var next json.RawMessage
	switch err := dec.Decode(&next); {
	case err == io.EOF:
	case err != nil:
		e := jsonError(data, dec, err)
		e.Found = "text after the contract that is not JSON"
		return nil, "", e
	default:
		off := dec.InputOffset() - int64(len(next))
		rest = "line " + strconv.Itoa(1+bytes.Count(data[:off], []byte("\n")))
	}
	j, cerr := check(&f)
	if cerr != nil {
		return nil, "", &input.Error{Found: cerr.Error(), Want: "a contract file: see contractcheck -h and go doc"}
	}
	return j, rest, nil
}

// jsonError says what is wrong with a contract file in words, with the
// line, rather than as encoding/json's message.
func jsonError(data []byte, dec *json.Decoder, err error) *input.Error {
	lineOf := func(off int64) string {
		if off > int64(len(data)) {
			off = int64(len(data))
		}
		return "line " + strconv.Itoa(1+bytes.Count(data[:off], []byte("\n")))
	}
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return &input.Error{Where: lineOf(se.Offset), Found: "not valid JSON: " + strings.TrimPrefix(se.Error(), "json: "),
			Want: "a contract file, a JSON object"}
	case errors.As(err, &te):
		return &input.Error{Where: lineOf(te.Offset), Found: fmt.Sprintf("field %q holds a JSON %s", te.Field, te.Value),
			Want: "a " + jsonType(te.Type.String())}
	case err == io.ErrUnexpectedEOF:
		return &input.Error{Where: lineOf(int64(len(data))), Found: "the JSON object is not closed", Want: "a contract file, a JSON object"}
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if f, ok := strings.CutPrefix(msg, "unknown field "); ok {
		return &input.Error{Where: lineOf(dec.InputOffset()), Found: "unknown field " + f,
			Want: "the fields of a contract file: see contractcheck -h and go doc"}
	}
	return &input.Error{Where: lineOf(dec.InputOffset()), Found: msg}
}

// jsonType names the Go type a field wanted as its JSON type.
func jsonType(t string) string {
	switch {
	case strings.HasPrefix(t, "[]"):
		return "list"
	case t == "string" || t == "tz.Date":
		return "string"
	case t == "bool":
		return "true or false"
	}
	return "JSON object"
}

// check checks a contract file's values and makes it ready to judge.
func check(f *file) (*judged, error) {
	if f.ID == "" || f.Start.IsZero() || f.End.IsZero() {
		return nil, errors.New(`"id", "start" and "end" are required`)
	}
	j := &judged{contract: contract.Contract{ID: f.ID, Start: f.Start, End: f.End}, date: f.ContractDate}
	if j.date.IsZero() {
		j.date = f.Start
	}
	if f.Mailed != "" {
		t, err := tz.Parse(f.Mailed)
		if err != nil {
			return nil, fmt.Errorf("mailed: %v", err)
		}
		j.mailed = t
	}
	// CT-7: weekends and national holidays always; 29 Dec to 3 Jan unless
	// the company works then; the company's own closing days.
	if !f.NoYearEndClosing {
		j.cal = j.cal.With(tz.YearEndClosing())
	}
	if len(f.Closed) > 0 {
		j.cal = j.cal.With(tz.ClosingDates(f.Closed...))
	}
	// CT-9: announced windows and cancelled months, indexed once by
	// NewMaintenance (a site may announce thousands of windows).
	var announced []contract.Window
	for i, w := range f.Maintenance.Announced {
		start, err := tz.Parse(w.Start)
		if err != nil {
			return nil, fmt.Errorf("maintenance window %d start: %v", i+1, err)
		}
		end, err := tz.Parse(w.End)
		if err != nil {
			return nil, fmt.Errorf("maintenance window %d end: %v", i+1, err)
		}
		announced = append(announced, contract.Window{Start: start, End: end})
	}
	j.maint = contract.NewMaintenance(announced, f.Maintenance.Cancelled)
	// CT-4: the service end, possibly extended.
	j.service = contract.DefaultService()
	if !f.ServiceEnd.IsZero() {
		decided, err := tz.Parse(f.ServiceExtendedAt)
		if err != nil {
			return nil, fmt.Errorf("service_extended_at: %v", err)
		}
		if j.service, err = j.service.ExtendEnd(f.ServiceEnd, decided); err != nil {
			return nil, err
		}
	}
	return j, nil
}

// report is the judgement of one contract; its JSON form is documented in
// the package comment.
type report struct {
	Input           string     `json:"input"`
	ID              string     `json:"id"`
	Start           tz.Date    `json:"start"`
	End             tz.Date    `json:"end"`
	InForceFrom     time.Time  `json:"in_force_from"`
	InForceUntil    time.Time  `json:"in_force_until"`
	ServiceEnd      tz.Date    `json:"service_end"`
	At              time.Time  `json:"at"`
	Access          string     `json:"access"`
	Reason          string     `json:"reason"`
	Revoked         bool       `json:"revoked"`
	Message         string     `json:"message"`
	Certificate     *certInfo  `json:"certificate"`
	ContractDate    tz.Date    `json:"contract_date"`
	IssueBy         tz.Date    `json:"issue_by"`
	Mailed          *time.Time `json:"mailed"`
	Deadline        time.Time  `json:"download_deadline"`
	CanDownload     *bool      `json:"can_download"`
	DownloadReason  string     `json:"download_reason"`
	NextMaintenance window     `json:"next_maintenance"`
	InMaintenance   bool       `json:"in_maintenance"`
	window          window     // the window "at" is in, if any
	downloadErr     string
}

type certInfo struct {
	Subject   string    `json:"subject"`
	Serial    string    `json:"serial"`
	NotBefore time.Time `json:"not_before"`
	NotAfter  time.Time `json:"not_after"`
}

type window struct {
	Start time.Time `json:"start"`
	End   time.Time `json:"end"`
}

// report judges the contract at the instant at. Its error is an input
// error (an invalid contract); a refusal of access is in the report.
func (j *judged) report(input string, cert *x509.Certificate, at time.Time) (*report, error) {
	c := j.contract
	from, until := c.Period()
	r := &report{
		Input: input, ID: c.ID, Start: c.Start, End: c.End,
		InForceFrom: from, InForceUntil: until, ServiceEnd: j.service.End,
		At: at, Access: "allowed", ContractDate: j.date,
	}
	// CT-1, CT-2, CT-4: the contract decides, not the certificate.
	service := j.service
	if cert != nil {
		r.Certificate = &certInfo{x509text.Name(cert.RawSubject, &cert.Subject), x509text.Serial(cert.SerialNumber),
			cert.NotBefore.In(tz.JST), cert.NotAfter.In(tz.JST)}
	} else {
		cert, service.Binding = standIn(from)
	}
	err := contract.Access(c, cert, at, service)
	if errors.Is(err, contract.ErrInvalidInput) {
		return nil, err
	}
	if err != nil {
		r.Access, r.Message = "refused", err.Error()
		var ae *contract.AccessError
		if errors.As(err, &ae) {
			r.Reason = ae.Reason.String()
		}
		r.Revoked = errors.Is(err, contract.ErrRevoked)
	}
	// CT-7, CT-8.
	if r.IssueBy, err = contract.IssueBy(j.date, j.cal); err != nil {
		return nil, err
	}
	if j.mailed.IsZero() {
		r.Deadline = contract.DownloadDeadline(r.IssueBy.In(tz.JST))
	} else {
		m := j.mailed.In(tz.JST)
		r.Mailed = &m
		r.Deadline = contract.DownloadDeadline(m)
		ok := true
		if err := contract.CanDownload(m, at, j.maint); err != nil {
			ok = false
			r.downloadErr = err.Error()
			var de *contract.DownloadError
			if errors.As(err, &de) {
				r.DownloadReason = de.Reason.String()
			}
		}
		r.CanDownload = &ok
	}
	// CT-9.
	w := j.maint.Next(at)
	r.NextMaintenance = window{w.Start.In(tz.JST), w.End.In(tz.JST)}
	if cur, ok := j.maint.At(at); ok {
		r.InMaintenance = true
		r.window = window{cur.Start.In(tz.JST), cur.End.In(tz.JST)}
	}
	return r, nil
}

// standIn is the certificate judged when a contract file comes without
// -cert: bound to the contract whatever its ID, issued at the contract's
// start and never expiring, so that contract.Access decides on the
// contract and the service alone (CT-2, CT-4).
func standIn(from time.Time) (*x509.Certificate, contract.Binding) {
	return &x509.Certificate{NotBefore: from, NotAfter: time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)},
		func(*x509.Certificate, string) bool { return true }
}

const jstLayout = "2006-01-02 15:04:05 MST"

func (r *report) text(w *cli.Writer) {
	line := func(label, format string, a ...any) {
		fmt.Fprintf(w, "  %-15s "+format+"\n", append([]any{label}, a...)...)
	}
	date := func(d tz.Date) string { return d.String() + " " + d.Weekday().String()[:3] }
	fmt.Fprintf(w, "%s: contract %s\n", r.Input, r.ID)
	line("contract", "%s to %s, both days included (JST)", date(r.Start), date(r.End))
	line("in force", "%s until %s", r.InForceFrom.Format(jstLayout), r.InForceUntil.Format(jstLayout))
	line("service end", "%s (CT-4)", date(r.ServiceEnd))
	line("at", "%s", r.At.Format(jstLayout))
	if r.Certificate != nil {
		line("certificate", "%s", r.Certificate.Subject)
		line("", "serial %s", r.Certificate.Serial)
		line("", "notAfter %s: not what decides access (CT-1)", r.Certificate.NotAfter.Format(jstLayout))
	} else {
		line("certificate", "none given; access judged on the contract alone")
	}
	if r.Access == "allowed" {
		line("access", "allowed")
	} else {
		line("access", "refused: %s", r.Message)
	}
	line("contract date", "%s", date(r.ContractDate))
	line("issue by", "%s: the 5th business day after the contract date (CT-7)", date(r.IssueBy))
	if r.Mailed != nil {
		line("mailed", "%s", r.Mailed.Format(jstLayout))
		line("download until", "%s, the 14th day after the mail (CT-8)", r.Deadline.Add(-time.Second).Format(jstLayout))
		if *r.CanDownload {
			line("download now", "possible")
		} else {
			line("download now", "not possible: %s", r.downloadErr)
		}
	} else {
		line("mailed", "not given")
		line("download until", "%s if mailed on the issue-by day (CT-8)", r.Deadline.Add(-time.Second).Format(jstLayout))
	}
	if r.InMaintenance {
		line("maintenance", "now, %s to %s", r.window.Start.Format(jstLayout), r.window.End.Format(jstLayout))
	}
	line("next maint.", "%s to %s (CT-9)", r.NextMaintenance.Start.Format(jstLayout), r.NextMaintenance.End.Format(jstLayout))
}
