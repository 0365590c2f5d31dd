package e2e_test

import (
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/uptrace/bun"

	"schakel/app/service"
)

// TestProgrammeOverviewInTheBrowser: the reviewer lands on the overview of
// every workspace, sorts it by a column's header and filters it with the
// form, follows a number to the list it counts, and opens the report; a
// coordinator sees her own workspace. Every state is axe-clean, in the
// light colour scheme and, for contrast, the dark one.
func TestProgrammeOverviewInTheBrowser(t *testing.T) {
	t.Parallel()
	onSQLite(t, func(t *testing.T, db *bun.DB) {
		b := newBrowser(t)
		h := startHavenstad(t, db)
		year := service.CurrentYear()
		rows := "document.querySelectorAll('#programme-table tbody tr').length"

		lotteTab := b.open(h.env, "lotte")
		lotteTab.signIn(lotte)
		if lotteTab.path() != "/programme" {
			t.Fatalf("the reviewer lands on %s", lotteTab.path())
		}
		lotteTab.waitText("h1", nl("programme.heading", "Year", year))
		if n := eval[int](lotteTab, rows); n != 6 {
			t.Fatalf("the reviewer sees %d workspaces", n)
		}
		lotteTab.checkAccessibility("programme overview, reviewer")
		lotteTab.colorScheme("dark")
		lotteTab.checkColours("programme overview, reviewer, dark")
		lotteTab.colorScheme("light")

		// Sorting is a link in the column's header: highest progress first.
		lotteTab.click(`th[data-column="progress"] a`)
		lotteTab.until("the overview sorted by progress", `document.querySelector('th[data-column="progress"]').getAttribute('aria-sort') === 'descending'`)
		first := eval[int](lotteTab, `parseInt(document.querySelector('#programme-table tbody tr td[data-column="progress"]').textContent)`)
		last := eval[int](lotteTab, `parseInt([...document.querySelectorAll('#programme-table tbody tr td[data-column="progress"]')].pop().textContent)`)
		if first < last {
			t.Fatalf("sorted by progress, the first row has %d%%, the last %d%%", first, last)
		}
		lotteTab.checkAccessibility("programme overview, sorted")

		// The filter is a plain form: networks only.
		lotteTab.do("choose networks", chromedp.SetValue(chromedp.CSS("#filter-kind"), "netwerk"))
		lotteTab.click(`form[aria-labelledby="programme-filter-heading"] button[type=submit]`)
		lotteTab.until("the overview of networks", rows+" === 1")
		lotteTab.waitText("#programme-table tbody th", "Regio Lindendal")

		// A number leads to the list it counts: the overdue actions.
		lotteTab.goTo("/programme?kind=gemeente")
		overdue := eval[string](lotteTab, `document.querySelector('#programme-ws-`+itoa(h.workspace)+` td[data-column="overdue"] a').textContent`)
		lotteTab.click(`#programme-ws-` + itoa(h.workspace) + ` td[data-column="overdue"] a`)
		lotteTab.until("Havenstad's plan filtered on overdue actions", `location.search === '?overdue=1' && document.readyState === 'complete'`)
		if n := eval[int](lotteTab, "document.querySelectorAll('li.schakel-action').length"); strconv.Itoa(n) != overdue {
			t.Fatalf("the overview says %s overdue, the plan page lists %d", overdue, n)
		}
		if !eval[bool](lotteTab, "document.getElementById('filter-overdue').checked") {
			t.Fatal("the plan page's overdue filter is not ticked")
		}
		lotteTab.checkAccessibility("plan page filtered on overdue actions")

		// The year's report, made for printing.
		lotteTab.goTo("/programme/report?year=2023")
		lotteTab.waitText("h1", nl("programme.report.title", "Year", 2023))
		lotteTab.checkAccessibility("programme report 2023")

		annaTab := b.open(h.env, "anna")
		annaTab.signedIn(anna)
		annaTab.goTo("/programme")
		annaTab.waitText("h1", nl("programme.heading_own", "Year", year))
		if n := eval[int](annaTab, rows); n != 1 {
			t.Fatalf("the coordinator sees %d workspaces", n)
		}
		annaTab.waitText("#programme-table tbody th", "Havenstad")
		if annaTab.exists("#reach-heading") || annaTab.exists("#targets-heading") {
			t.Fatal("the coordinator sees the programme's reach or targets")
		}
		annaTab.checkAccessibility("programme overview, coordinator")
		annaTab.colorScheme("dark")
		annaTab.checkColours("programme overview, coordinator, dark")
	})
}
