package service_test

import (
	"context"
	"strings"
	"testing"

	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/service"
	"schakel/app/store"
	"schakel/app/testkit"
)

// TestGuardOnAnActionsDescription walks the guard's rules through one
// field: what it refuses, what it holds back, what a confirmation covers,
// what passes because the field held it already, and pseudonymisation.
func TestGuardOnAnActionsDescription(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		f := setup(t, db)
		ctx := context.Background()
		a := f.action(t, "Voorlichting op scholen", model.ThemePrevention)
		save := func(ctx context.Context, text string) (*model.Action, *service.GuardedField, error) {
			cur, err := store.Action(ctx, db, f.ws, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			got, err := f.svc.UpdateActionField(ctx, f.anna, f.ws, a.ID, "description", text, cur.Version)
			return got, service.Guarded(err)["value"], err
		}
		confirm := func(token string) context.Context {
			return service.WithGuardAnswers(ctx, service.GuardAnswers{Confirmed: map[string]string{"value": token}})
		}
		f.events.take()

		t.Run("a certain identifier is refused and cannot be confirmed", func(t *testing.T) {
			_, g, err := save(ctx, "Rekening NL91ABNA0417164300 blokkeren.")
			if g == nil || !g.Refused || g.Confirmation != "" || len(g.Findings) != 1 || g.Findings[0].Masked != "N••••••••••••••••0" {
				t.Fatalf("got %v %+v, want the IBAN refused, masked", err, g)
			}
			if strings.Contains(err.Error(), "NL91") {
				t.Errorf("the error carries the text: %v", err)
			}
			if len(f.events.take()) != 0 {
				t.Error("a refused text was announced")
			}
		})
		var token string
		t.Run("a probable one is held back with a confirmation", func(t *testing.T) {
			_, g, _ := save(ctx, "Sanne Jansen neemt contact op met de school.")
			if g == nil || g.Refused || g.Confirmation == "" || g.Findings[0].Kind != "name" {
				t.Fatalf("got %+v, want the name held back", g)
			}
			token = g.Confirmation
			if strings.Contains(token, "Sanne") || strings.Contains(strings.ToLower(token), "jansen") {
				t.Errorf("the confirmation %q gives the name away", token)
			}
		})
		t.Run("the confirmation covers the names shown, not another", func(t *testing.T) {
			_, g, _ := save(confirm(token), "Sanne Jansen en Mo Bakker nemen contact op met de school.")
			if g == nil || len(g.Findings) != 2 {
				t.Fatalf("got %+v, want both names held back", g)
			}
			if _, _, err := save(confirm("forged.token"), "Sanne Jansen neemt contact op met de school."); service.Guarded(err) == nil {
				t.Fatal("a made-up confirmation was taken")
			}
		})
		t.Run("confirmed, it is saved and audited by kind alone", func(t *testing.T) {
			got, _, err := save(confirm(token), "Sanne Jansen neemt contact op met de school, deze week.")
			if err != nil || got.Description != "Sanne Jansen neemt contact op met de school, deze week." {
				t.Fatalf("save: %v", err)
			}
			var lines []model.AuditEntry
			if err := db.NewSelect().Model(&lines).Where("event = ?", model.AuditGuardConfirmed).Scan(ctx); err != nil {
				t.Fatal(err)
			}
			if len(lines) != 1 || lines[0].Detail != "name" || lines[0].Object != "action" || lines[0].ObjectID != a.ID || *lines[0].UserID != f.anna.ID {
				t.Fatalf("audit %+v", lines)
			}
		})
		t.Run("a name the field held already needs no new confirmation", func(t *testing.T) {
			if _, _, err := save(ctx, "Sanne Jansen neemt contact op met de school, volgende week."); err != nil {
				t.Fatalf("an edit elsewhere in the text: %v", err)
			}
			if _, g, _ := save(ctx, "Sanne Jansen en Mo Bakker nemen contact op."); g == nil || len(g.Findings) != 2 {
				t.Fatalf("a new name in it: %+v", g)
			}
		})
		t.Run("pseudonymised text comes back for review and is not saved", func(t *testing.T) {
			for _, tt := range []struct{ lang, want string }{
				{"nl", "jongere A belt jongere B; jongere A mailt [e-mailadres]."},
				{"en", "young person A belt young person B; young person A mailt [e-mail address]."},
			} {
				ask := service.WithGuardAnswers(ctx, service.GuardAnswers{Pseudonymise: "value", Lang: tt.lang})
				_, g, _ := save(ask, "Sanne Jansen belt Mo Bakker; Sanne Jansen mailt s.jansen@example.org.")
				if g == nil || !g.Review || g.Value != tt.want || g.Replaced != 4 {
					t.Fatalf("%s: got %+v, want %q", tt.lang, g, tt.want)
				}
			}
			cur, _ := store.Action(ctx, db, f.ws, a.ID)
			if cur.Description != "Sanne Jansen neemt contact op met de school, volgende week." {
				t.Fatalf("pseudonymising saved %q", cur.Description)
			}
		})
		t.Run("a value put back from the history needs no new confirmation", func(t *testing.T) {
			if _, _, err := save(ctx, "Contact loopt via de school."); err != nil {
				t.Fatal(err)
			}
			history, _ := store.Changes(ctx, db, f.ws, model.EntityAction, a.ID)
			if _, err := f.svc.RestoreValue(ctx, f.anna, f.ws, a.ID, history[0].ID); err != nil {
				t.Fatalf("restore: %v", err)
			}
			if cur, _ := store.Action(ctx, db, f.ws, a.ID); !strings.HasPrefix(cur.Description, "Sanne Jansen") {
				t.Fatalf("restored %q", cur.Description)
			}
		})
		t.Run("the names of workspaces, regions and organisations name nobody", func(t *testing.T) {
			for _, tt := range []struct {
				name, text string
				held       bool
			}{
				{"another municipality", "Afstemmen met Lindendal over de opvang.", false},
				{"a region", "Plan voor heel Kustland, ook met Waterzande.", false},
				{"an organisation", "Jeugdhulp De Brug sluit aan.", false},
				{"a person beside a municipality", "Chantal (15) uit Lindendal is terug.", true},
			} {
				_, g, err := save(ctx, tt.text)
				if held := g != nil; held != tt.held {
					t.Errorf("%s: %q held back %v (%v), want %v", tt.name, tt.text, held, err, tt.held)
				}
			}
		})
	})
}

// TestGuestsAreNamesInTheirOwnMeetingOnly: a guest's name counts as a
// person's name in the meeting the guest attends, not in another meeting
// of the workspace; a guest put down by role or organisation names
// nobody.
func TestGuestsAreNamesInTheirOwnMeetingOnly(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		f := setup(t, db)
		ctx := context.Background()
		meeting := func(title string) (*model.Meeting, *model.AgendaItem) {
			m, err := f.svc.CreateMeeting(ctx, f.anna, f.ws, service.MeetingInput{Title: title, Kind: model.MeetingNetwork, Date: "2027-04-01", StartTime: "10:00", Duration: "60"})
			if err != nil {
				t.Fatal(err)
			}
			it, err := f.svc.CreateItem(ctx, f.anna, f.ws, m.ID, service.ItemInput{Title: "Rondvraag", Kind: model.ItemDiscussion, Duration: "10"})
			if err != nil {
				t.Fatal(err)
			}
			return m, it
		}
		with, item := meeting("Netwerkoverleg april")
		_, elsewhere := meeting("Netwerkoverleg mei")
		for _, g := range []service.GuestInput{
			{Name: "Iris Xylander", Organisation: "GGD Kustland"},
			{Name: "Ervaringsdeskundige (gast)"},
			{Name: "Jongerenwerker", Organisation: "Stichting Streetwise"},
			{Name: "Wijkagent Noord"},
		} {
			if _, err := f.svc.InviteGuest(ctx, f.anna, f.ws, with.ID, g); err != nil {
				t.Fatalf("invite %q: %v", g.Name, err)
			}
		}
		for _, tt := range []struct {
			name  string
			item  *model.AgendaItem
			notes string
			held  bool
		}{
			{"a guest's name in their meeting", item, "Het verslag gaat naar Xylander.", true},
			{"a guest's name in another meeting", elsewhere, "Het verslag gaat naar Xylander.", false},
			{"a role word of a guest", item, "Ervaringsdeskundige vertelt over haar ervaring; de Ervaringsdeskundige (gast) ook.", false},
			{"a guest put down by profession", item, "Jongerenwerker en Wijkagent Noord lichten het toe.", false},
			{"an organisation of a guest", item, "GGD Kustland en Stichting Streetwise werken samen.", false},
		} {
			t.Run(tt.name, func(t *testing.T) {
				cur, _ := store.Item(ctx, db, f.ws, tt.item.ID)
				_, err := f.svc.UpdateItemField(ctx, f.anna, f.ws, tt.item.ID, "notes", tt.notes, cur.Version)
				if held := service.Guarded(err)["value"] != nil; held != tt.held {
					t.Fatalf("held back %v, want %v (%v)", held, tt.held, err)
				}
			})
		}
	})
}
