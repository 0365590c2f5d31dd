package main

import (
	"context"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// The plan page benchmark needs one plan as big as a region's: -board N
// makes it, with N actions filled in as people fill them in (status, owner
// organisation, action owner, due date, progress, rights, a description),
// and prints its address and the Cookie header of its coordinator, for an
// HTTP load tool such as hey.

var openedAction = regexp.MustCompile(`[?&]open=(\d+)`)

// boardThemes are the themes of the "pijlers" framework, over which the
// actions are spread.
var boardThemes = []string{"preventie", "signalering", "opsporing", "zorg"}

// boardStatuses cycle over the actions, with the progress each reports
// besides the status's own ("": leave it; a new action is planned at 0 %,
// and a save that changes nothing makes no new version).
var boardStatuses = []struct {
	status   string
	progress string
}{{"", ""}, {"bezig", "40"}, {"bezig", "70"}, {"gereed", ""}, {"geblokkeerd", ""}, {"", ""}}

// makeBoard prepares a workspace with its coordinator and one editor, and
// one plan with n actions, through the web interface; it prints the plan's
// URL and the coordinator's Cookie header.
func makeBoard(ctx context.Context, o options, n int) error {
	o.accounts, o.plans = 2, 0
	fx, err := prepare(ctx, o)
	if err != nil {
		return fmt.Errorf("prepare: %w", err)
	}
	coordinator := fx.sessions[0]
	ws := "/workspaces/" + strconv.FormatInt(fx.workspace, 10)
	if _, err := coordinator.get(ctx, ws+"/plans"); err != nil {
		return err
	}
	p, err := coordinator.post(ctx, ws+"/plans", url.Values{
		"title": {fmt.Sprintf("Regionaal actieplan (%d acties)", n)}, "period_start": {"2027-01-01"}, "period_end": {"2028-12-31"}, "framework": {"pijlers"},
	})
	if err != nil {
		return err
	}
	planPath := strings.SplitN(p.location, "?", 2)[0]
	board, err := coordinator.get(ctx, planPath)
	if err != nil {
		return err
	}
	orgs := optionValues(board.doc, "#filter-org option")
	var owners []string
	for i := 0; i < n; i++ {
		created, err := coordinator.post(ctx, planPath+"/actions", url.Values{
			"title": {fmt.Sprintf("Actie %d: signalen van uitbuiting herkennen en melden", i+1)}, "theme": {boardThemes[i%len(boardThemes)]},
		})
		if err != nil {
			return err
		}
		m := openedAction.FindStringSubmatch(created.location)
		if m == nil {
			return fmt.Errorf("no action id in %q", created.location)
		}
		action := ws + "/actions/" + m[1]
		if owners == nil {
			// Who may own an action: the editor's choices of owner.
			page, err := coordinator.get(ctx, action)
			if err != nil {
				return err
			}
			owners = optionValues(page.doc, "#f-"+m[1]+"-owner option")
		}
		st := boardStatuses[i%len(boardStatuses)]
		fields := [][2]string{
			{"status", st.status}, {"progress", st.progress},
			{"due_date", fmt.Sprintf("2027-%02d-%02d", 1+i%12, 1+i%28)},
			{"owner_organisation", pick(orgs, i)}, {"owner", pick(owners, i)},
			{"rights", []string{"34", "3", "19"}[i%3]},
			{"description", "Met de partners in de regio afspreken wie wat doet, en dat vastleggen in de werkafspraken."},
		}
		version := 1
		for _, f := range fields {
			if f[1] == "" {
				continue
			}
			if _, err := coordinator.post(ctx, action+"/fields/"+f[0], url.Values{"value": {f[1]}, "version": {strconv.Itoa(version)}}); err != nil {
				return err
			}
			version++
		}
		if (i+1)%100 == 0 {
			fmt.Printf("%d actions\n", i+1)
		}
	}
	fmt.Printf("plan: %s%s\ncookie: %s\n", o.url, planPath, coordinator.cookieHeader())
	return nil
}

// optionValues are the non-empty values of the options sel finds.
func optionValues(doc *goquery.Document, sel string) []string {
	var out []string
	doc.Find(sel).Each(func(_ int, s *goquery.Selection) {
		if v, _ := s.Attr("value"); v != "" {
			out = append(out, v)
		}
	})
	return out
}

// pick is the i-th of values, round robin; "" when there are none.
func pick(values []string, i int) string {
	if len(values) == 0 {
		return ""
	}
	return values[i%len(values)]
}
