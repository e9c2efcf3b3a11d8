// Command genzones writes zones.tsv, the record of the time-zone
// abbreviations the tz database uses today, which TestZoneTable compares
// tz.Zone and tz.Parse with (TV-4: an abbreviation the tz database uses
// for more than one offset today is ambiguous).
//
// It reads the zone names from the database's tzdata.zi (lines "Z name
// ..."), loads each zone from the same directory with time.LoadLocation
// (the only place in the module that reads a zone database: this is a
// fixture generator, not the library), and records every abbreviation in
// force at some instant of 2026 or 2027 with the offsets and zones that use
// it. Numeric abbreviations ("+08") are left out. Run from the repository
// root:
//
//	go run ./tz/testdata/genzones > tz/testdata/zones.tsv
//
// ZONEINFO selects another database directory (default /usr/share/zoneinfo).
package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

func main() {
	dir := os.Getenv("ZONEINFO")
	if dir == "" {
		dir = "/usr/share/zoneinfo"
	}
	f, err := os.Open(filepath.Join(dir, "tzdata.zi"))
	if err != nil {
		fail(err)
	}
	defer f.Close()
	version := ""
	var zones []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
		if v, ok := strings.CutPrefix(l, "# version "); ok {
			version = v
		}
		if strings.HasPrefix(l, "Z ") {
			zones = append(zones, strings.Fields(l)[1])
		}
	}
	if err := sc.Err(); err != nil {
		fail(err)
	}
	from := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	to := time.Date(2028, 1, 1, 0, 0, 0, 0, time.UTC)
	uses := map[string]map[int][]string{} // abbreviation -> offset -> zones
	for _, z := range zones {
		loc, err := time.LoadLocation(z)
		if err != nil {
			fail(err)
		}
		for t := from; t.Before(to); {
			abbr, off := t.In(loc).Zone()
			if abbr[0] != '+' && abbr[0] != '-' {
				if uses[abbr] == nil {
					uses[abbr] = map[int][]string{}
				}
				if !slices.Contains(uses[abbr][off], z) {
					uses[abbr][off] = append(uses[abbr][off], z)
				}
			}
			_, end := t.In(loc).ZoneBounds()
			if end.IsZero() {
				break
			}
			t = end
		}
	}
	fmt.Printf("# Time-zone abbreviations in force at some instant of 2026 or 2027, from\n")
	fmt.Printf("# the tz database %s (%d zones in %s/tzdata.zi), written by\n", version, len(zones), dir)
	fmt.Printf("# go run ./tz/testdata/genzones. Columns: abbreviation, the offsets it\n")
	fmt.Printf("# names in seconds east of UTC, the zones using it (first offset first).\n")
	abbrs := make([]string, 0, len(uses))
	for a := range uses {
		abbrs = append(abbrs, a)
	}
	slices.Sort(abbrs)
	for _, a := range abbrs {
		offs := make([]int, 0, len(uses[a]))
		for off := range uses[a] {
			offs = append(offs, off)
		}
		slices.Sort(offs)
		var os, zs []string
		for _, off := range offs {
			os = append(os, fmt.Sprint(off))
			zs = append(zs, strings.Join(uses[a][off], ","))
		}
		fmt.Printf("%s\t%s\t%s\n", a, strings.Join(os, ","), strings.Join(zs, " | "))
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "genzones:", err)
	os.Exit(1)
}
