package tz

import (
	"strings"
	"time"
	"unicode/utf8"
)

// An era is a Japanese era (元号) as Parse reads it: the days from first
// to last, both included (last is zero for the current era), and the
// Gregorian year before its year 1 (元年).
type era struct {
	name   string // 令和
	letter byte   // R, as forms abbreviate it: "R8.3.15"
	base   int    // the Gregorian year of year 0: 2018 for 令和
	first  Date   // the first day Parse reads
	last   Date   // the last day, zero for the current era
}

// eras are the eras from 明治 on (TV-4). Each begins on the day its
// instrument says; the one before ends the day before, so no day has two
// eras. The sources, read 2026-12-02:
//
//   - 明治: Japan took the Gregorian calendar by the 改暦ノ布告 (明治5年
//     太政官布告第337号), 明治5年12月3日 becoming 明治6年1月1日
//     (1873-01-01). Meiji dates before it are lunisolar, so they are not
//     read (Java's JapaneseDate does the same).
//   - 大正: 改元ノ詔書 of 1912-07-30: "明治四十五年七月三十日以後ヲ改メテ
//     大正元年ト為ス".
//   - 昭和: 改元ノ詔書 of 1926-12-25: that day and after are 昭和元年
//     (National Archives of Japan, "昭和と改元",
//     https://www.archives.go.jp/ayumi/kobetsu/t15_1926_01.html).
//   - 平成: 元号を改める政令 (昭和64年政令第1号), in force from the day after
//     its promulgation on 1989-01-07: 1989-01-08.
//   - 令和: 元号を改める政令 (平成31年政令第143号), in force from the day
//     after 2019-04-30: 2019-05-01 (e-Gov, law id 431CO0000000143).
//
// Java's java.time.chrono.JapaneseEra gives the same spans.
var eras = [...]era{
	{"明治", 'M', 1867, Date{1873, time.January, 1}, Date{1912, time.July, 29}},
	{"大正", 'T', 1911, Date{1912, time.July, 30}, Date{1926, time.December, 24}},
	{"昭和", 'S', 1925, Date{1926, time.December, 25}, Date{1989, time.January, 7}},
	{"平成", 'H', 1988, Date{1989, time.January, 8}, Date{2019, time.April, 30}},
	{"令和", 'R', 2018, Date{2019, time.May, 1}, Date{}},
}

// contains reports whether d is a day of the era that Parse reads.
func (e *era) contains(d Date) bool {
	return !d.Before(e.first) && (e.last.IsZero() || !d.After(e.last))
}

// span says in words which days the era has, for an error message.
func (e *era) span() string {
	switch {
	case e.letter == 'M':
		return e.name + " is read from " + e.first.String() + ", when Japan took the Gregorian calendar, to " + e.last.String()
	case e.last.IsZero():
		return e.name + " began on " + e.first.String()
	}
	return e.name + " is " + e.first.String() + " to " + e.last.String()
}

// eraOf returns the era that text written by the caller begins with, by
// name or letter (an ASCII or full-width capital), or nil.
func eraOf(text string) *era {
	for i := range eras {
		e := &eras[i]
		if strings.HasPrefix(text, e.name) || text != "" && text[0] == e.letter {
			return e
		}
		if r, _ := utf8.DecodeRuneInString(text); r == rune(e.letter)+0xFEE0 {
			return e
		}
	}
	return nil
}

// mayBeEra reports, cheaply, whether an era date may begin at p.i: a
// character that is not ASCII, or a capital letter and a digit.
func (p *parser) mayBeEra() bool {
	c := p.s[p.i]
	return c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' && p.i+1 < len(p.s) && '0' <= p.s[p.i+1] && p.s[p.i+1] <= '9'
}

// eraDate reads a date with a Japanese era year at p.i: "令和8年3月15日",
// "令和元年5月1日", "平成 31年4月30日", "令和8/3/15", or the abbreviated
// "R8.3.15", "H31/4/30", "S64-1-7", each with an optional Japanese weekday. ok is
// false, and nothing is read, when no era begins at p.i.
func (p *parser) eraDate() (d Date, ok bool, err error) {
	c := p.s[p.i]
	if c < utf8.RuneSelf {
		if strings.IndexByte("MTSHR", c) < 0 || p.i+1 == len(p.s) || p.s[p.i+1] < '0' || p.s[p.i+1] > '9' {
			return Date{}, false, nil
		}
		return p.eraLetterDate()
	}
	var e *era
	for i := range eras {
		if p.peekString(eras[i].name) {
			e = &eras[i]
			break
		}
	}
	if e == nil {
		return Date{}, false, nil
	}
	start := p.i
	p.i += len(e.name)
	p.spaces()
	y := 1
	if !p.accept("元") {
		if y, ok = p.number(1, 3); !ok {
			return Date{}, true, p.syntax()
		}
	}
	if p.i < len(p.s) && strings.IndexByte("./-", p.s[p.i]) >= 0 {
		// "令和8/3/15", as Intl prints ja-JP-u-ca-japanese with era "long".
		d, err = p.eraMonthDay(e, y, start)
		return d, true, err
	}
	if !p.peekString("年") {
		return Date{}, true, p.syntax()
	}
	d, err = p.japaneseDate(e.base+y, start, e)
	return d, true, err
}

// eraLetterDate reads "R8.3.15" at p.i: an era's letter, its year in one
// or two digits, the month and the day, separated by ".", "/" or "-"
// (the same one twice), and an optional parenthesized Japanese weekday.
func (p *parser) eraLetterDate() (Date, bool, error) {
	start := p.i
	e := eraOf(p.s[p.i:])
	p.i++
	y, ok := p.number(1, 2)
	if !ok || p.i == len(p.s) || strings.IndexByte("./-", p.s[p.i]) < 0 {
		return Date{}, true, p.syntax()
	}
	d, err := p.eraMonthDay(e, y, start)
	return d, true, err
}

// eraMonthDay reads the rest of "R8.3.15" or "令和8/3/15" after the year y
// of era e, from the separator at p.i: the month and the day separated by
// the same one of ".", "/" or "-", and an optional parenthesized Japanese
// weekday. The date began at start.
func (p *parser) eraMonthDay(e *era, y, start int) (Date, error) {
	sep := p.s[p.i]
	p.i++
	m, ok := p.number(1, 2)
	if !ok || !p.peekByte(sep) {
		return Date{}, p.syntax()
	}
	p.i++
	dd, ok := p.number(1, 2)
	if !ok {
		return Date{}, p.syntax()
	}
	d := Date{e.base + y, time.Month(m), dd}
	if err := p.checkEraDate(d, e, start); err != nil {
		return Date{}, err
	}
	if _, err := p.japaneseWeekday(d, start, true); err != nil {
		return Date{}, err
	}
	return d, nil
}

// checkEraDate refuses a date that does not exist (ReasonBadDate) or,
// when e is not nil, is not a day of e (ReasonEraRange), from start to
// p.i.
func (p *parser) checkEraDate(d Date, e *era, start int) error {
	if !d.IsValid() {
		return p.fail(ReasonBadDate, start, p.i)
	}
	if e != nil && !e.contains(d) {
		return p.fail(ReasonEraRange, start, p.i)
	}
	return nil
}

// Full-width text. Japanese documents write dates with the full-width
// forms of ASCII characters (U+FF01 to U+FF5E): "令和８年１２月１日",
// "１０：００". Parse reads them as the ASCII characters they stand for,
// and the hyphens and minus signs U+2010, U+2011, U+2012 and U+2212 as
// "-", in every shape. The full-width parentheses （） are the exception:
// Parse reads them as themselves, as it always has (a Japanese weekday
// "（火）", a zone "（JST）").

// narrowByte returns the ASCII character that Parse reads r as, if r is
// one of the full-width or dash forms it narrows.
func narrowByte(r rune) (byte, bool) {
	switch {
	case r == '（' || r == '）':
		return 0, false
	case 0xFF01 <= r && r <= 0xFF5E:
		return byte(r - 0xFEE0), true
	case r == 0x2010 || r == 0x2011 || r == 0x2012 || r == 0x2212:
		return '-', true
	}
	return 0, false
}

// needsNarrowing reports whether s holds a character that narrowByte
// narrows. Every such character is encoded beginning with 0xE2 or 0xEF.
// Parse calls it only when the text as given fails to parse, or held a
// comment (see parser.init).
func needsNarrowing(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == 0xE2 || c == 0xEF {
			r, _ := utf8.DecodeRuneInString(s[i:])
			if _, ok := narrowByte(r); ok {
				return true
			}
		}
	}
	return false
}

// narrow returns s with every character that narrowByte narrows replaced
// by its ASCII character; every other byte, valid UTF-8 or not, is kept.
func narrow(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if c, ok := narrowByte(r); ok {
			b.WriteByte(c)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// wideOffset returns the byte offset in s of byte offset n of narrow(s).
func wideOffset(s string, n int) int {
	at := 0 // offset in narrow(s)
	i := 0
	for i < len(s) && at < n {
		r, size := utf8.DecodeRuneInString(s[i:])
		if _, ok := narrowByte(r); ok {
			at++
		} else {
			at += size
		}
		i += size
	}
	return i
}
