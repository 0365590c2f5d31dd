package web

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/a-h/templ"

	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/service"
	"schakel/views"
)

// TestPartialsRenderOutsideARequest renders the components that live
// updates push exactly as they do: from their view data only, with a
// translator but without CSRF token or user. Each must keep its id, carry
// hx-swap-oob when asked, and hold no hidden CSRF field (htmx sends the
// page's token in a header).
func TestPartialsRenderOutsideARequest(t *testing.T) {
	msgs, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	org := &model.Organisation{ID: 6, Name: "Politie Kustland – AVIM"}
	owner := &model.User{ID: 3, Name: "Sanne Jansen"}
	plan := &model.Plan{ID: 4, WorkspaceID: 2, Title: "Plan 2027", Status: model.PlanAdopted, Framework: model.FrameworkPillars, Version: 3}
	a := &model.Action{ID: 9, WorkspaceID: 2, PlanID: 4, Title: "Training", Theme: model.ThemePrevention, Status: model.ActionInProgress,
		Progress: 50, DueDate: "2020-01-01", Rights: "3,34", Version: 5, OwnerOrganisation: org, OwnerUser: owner}
	board := service.BuildBoard(plan, []model.Action{*a}, nil, service.ActionFilter{})

	tests := []struct {
		name string
		part templ.Component
		oob  bool   // whether the fragment is an out-of-band swap
		root string // the element the fragment must start with
		want []string
		// absent must not be in the fragment.
		absent []string
	}{
		{"closed row", views.ActionItem(views.NewActionView(a, true, "2026-11-28", true)), true,
			"li#action-9.schakel-action[data-id='9'][data-version='5'][hx-swap-oob='true']",
			[]string{"#action-9-title", "a#open-9[aria-expanded='false'][hx-get='/workspaces/2/actions/9/item?open=1'][href='?open=9#action-9']",
				".schakel-drag-handle[aria-hidden='true']", "#action-9-summary .schakel-summary__status", "#action-9-summary .schakel-badge--overdue"},
			[]string{"#action-9-details", "#action-9-status", "#move-up-9", "#delete-9"}},
		{"open row", views.ActionItem(openView(views.NewActionView(a, true, "2026-11-28", false))), false,
			"li#action-9.schakel-action--open:not([hx-swap-oob])",
			[]string{"a#open-9[aria-expanded='true']", "#action-9-details #action-9-status", "#move-up-9", "#move-down-9", "#delete-9", "#edit-9-title",
				"#action-9-due_date .schakel-badge--overdue", "#action-9-summary"}, nil},
		{"open row for readers", views.ActionItem(openView(views.NewActionView(a, false, "2026-11-28", false))), false,
			"li#action-9:not([hx-swap-oob])", []string{"#action-9-owner", "a[href='/workspaces/2/actions/9']"},
			[]string{".schakel-drag-handle", "#edit-9-owner", "#delete-9", "#move-up-9"}},
		{"summary", views.ActionSummary(views.NewActionView(a, false, "2026-11-28", true)), true,
			"dl#action-9-summary[hx-swap-oob='true']", []string{".schakel-summary__org dd", ".schakel-summary__owner dd", ".schakel-summary__due time", ".schakel-summary__progress progress"}, nil},
		{"field", views.ActionField(views.NewActionView(a, true, "2026-11-28", true), "owner"), true,
			"div#action-9-owner.schakel-field[data-action='9'][data-field='owner'][hx-swap-oob='true']",
			[]string{"span#presence-9-owner.schakel-presence[aria-live='polite']", "a#edit-9-owner[hx-get='/workspaces/2/actions/9/fields/owner/edit'][hx-target='#action-9-owner'][hx-swap='outerHTML'][href]"}, nil},
		{"plan field", views.PlanField(views.NewPlanFieldView(plan, true, "status", true)), true,
			"div#plan-4-status[hx-swap-oob='true']", []string{"a#edit-plan-4-status"}, nil},
		{"roll-ups", views.PlanRollups(board), true,
			"div#rollup-plan[hx-swap-oob='true']", []string{"#rollup-theme-preventie[hx-swap-oob='true']", "#rollup-theme-zorg[hx-swap-oob='true']", "#rollup-plan #filter-count-template[data-text^='{shown} van 1 actie']"}, nil},
		{"deleted", views.ActionDeleted(views.NewActionView(a, true, "2026-11-28", false)), false,
			"li#action-9-deleted", []string{"button#undo-9"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			ctx := i18n.NewContext(context.Background(), msgs.Translator("nl"))
			if err := tt.part.Render(ctx, &buf); err != nil {
				t.Fatal(err)
			}
			doc, err := goquery.NewDocumentFromReader(strings.NewReader(buf.String()))
			if err != nil {
				t.Fatal(err)
			}
			first := doc.Find("body > *").First()
			if !first.Is(tt.root) {
				html, _ := goquery.OuterHtml(first)
				t.Fatalf("fragment starts with %s, want %s", html, tt.root)
			}
			for _, sel := range tt.want {
				if doc.Find(sel).Length() == 0 {
					t.Errorf("no %s in %s", sel, buf.String())
				}
			}
			for _, sel := range tt.absent {
				if doc.Find(sel).Length() != 0 {
					t.Errorf("%s in %s", sel, buf.String())
				}
			}
			if n := doc.Find(`input[name="_csrf"]`).Length(); n != 0 {
				t.Errorf("%d CSRF fields without a token", n)
			}
			if oob := doc.Find("[hx-swap-oob]").Length(); tt.oob && oob != doc.Find("body > [hx-swap-oob]").Length() {
				t.Errorf("out-of-band swaps nested inside the fragment")
			}
		})
	}
}

// openView is v with the row open.
func openView(v views.ActionView) views.ActionView {
	v.Open = true
	return v
}
