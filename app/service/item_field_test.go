package service_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/uptrace/bun"

	"schakel/app/model"
	"schakel/app/service"
	"schakel/app/store"
	"schakel/app/testkit"
)

func TestFieldSaveKeepsCaseNotesPrivate(t *testing.T) {
	testkit.EachDB(t, func(t *testing.T, db *bun.DB) {
		f := setup(t, db)
		ctx := context.Background()
		m, err := f.svc.CreateMeeting(ctx, f.anna, f.ws, service.MeetingInput{
			Title: "Casusoverleg", Kind: model.MeetingCaseConf, Date: "2027-03-18", StartTime: "10:00", Duration: "60",
		})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.InviteMember(ctx, f.anna, f.ws, m.ID, itoa(f.mo.ID)); err != nil {
			t.Fatal(err)
		}
		it, err := f.svc.CreateItem(ctx, f.anna, f.ws, m.ID, service.ItemInput{Title: "Casus A", Kind: model.ItemCase, Duration: "15"})
		if err != nil {
			t.Fatal(err)
		}
		audits := func(event string) []model.AuditEntry {
			var list []model.AuditEntry
			if err := db.NewSelect().Model(&list).Where("event = ?", event).Where("object_id = ?", it.ID).Scan(ctx); err != nil {
				t.Fatal(err)
			}
			return list
		}
		note := "Meisje A. (15), zorgen over schoolverzuim.\n\nVeilig Thuis is ingeschakeld."
		f.events.take()

		t.Run("a saved note is announced and recorded without its text", func(t *testing.T) {
			got, err := f.svc.UpdateItemField(ctx, f.anna, f.ws, it.ID, "case_notes", strings.ReplaceAll(note, "\n", "\r\n"), it.Version)
			if err != nil || got.CaseNotes != note {
				t.Fatalf("save: %v %+v", err, got)
			}
			history, _ := store.Changes(ctx, db, f.ws, model.EntityItem, it.ID)
			if history[0].Field != "case_notes" || history[0].OldValue != "" || history[0].NewValue != "" {
				t.Fatalf("the history keeps case material: %+v", history[0])
			}
			ev := f.events.take()
			if len(ev) != 1 || len(ev[0].Fields) != 1 || ev[0].Fields[0] != "case_notes" || ev[0].Version != got.Version {
				t.Fatalf("events %+v", ev)
			}
			if len(audits(model.AuditCaseWrite)) != 1 {
				t.Fatal("the write of a case note is not in the audit log")
			}
		})
		t.Run("stale notes are never merged", func(t *testing.T) {
			cur, _ := store.Item(ctx, db, f.ws, it.ID)
			annas := strings.Replace(note, "schoolverzuim", "schoolverzuim en pesten", 1)
			mos := strings.Replace(note, "is ingeschakeld", "heeft een melding ontvangen", 1)
			if _, err := f.svc.UpdateItemField(ctx, f.anna, f.ws, it.ID, "case_notes", annas, cur.Version); err != nil {
				t.Fatal(err)
			}
			_, err := f.svc.UpdateItemField(ctx, f.mo, f.ws, it.ID, "case_notes", mos, cur.Version)
			var c *service.Conflict
			if !errors.As(err, &c) || c.Theirs != annas || c.Mine != mos || c.ByUserID != f.anna.ID {
				t.Fatalf("got %v, want a conflict showing both notes", err)
			}
			f.events.take()
		})
		t.Run("a note that gives someone away is refused and kept nowhere", func(t *testing.T) {
			cur, _ := store.Item(ctx, db, f.ws, it.ID)
			history, _ := store.Changes(ctx, db, f.ws, model.EntityItem, it.ID)
			_, err := f.svc.UpdateItemField(ctx, f.anna, f.ws, it.ID, "case_notes", "Meisje, BSN 111222333, woont bij een tante.", cur.Version)
			if g := service.Guarded(err)["value"]; g == nil || !g.Refused || !g.Strict || len(g.Findings) != 1 || g.Findings[0].Masked != "1•••••••3" {
				t.Fatalf("got %v, want the note refused, its BSN shown masked", err)
			}
			after, _ := store.Item(ctx, db, f.ws, it.ID)
			now, _ := store.Changes(ctx, db, f.ws, model.EntityItem, it.ID)
			if after.CaseNotes != cur.CaseNotes || after.Version != cur.Version || len(now) != len(history) || len(f.events.take()) != 0 {
				t.Fatalf("a refused note left a trace: %q, version %d, %d change records", after.CaseNotes, after.Version, len(now)-len(history))
			}
			if a := audits(model.AuditCaseRefused); len(a) != 1 || a[0].Detail != "bsn" {
				t.Fatalf("the refusal is not audited by kind alone: %+v", a)
			}
		})
		t.Run("only attendees write case notes", func(t *testing.T) {
			cur, _ := store.Item(ctx, db, f.ws, it.ID)
			if _, err := f.svc.UpdateItemField(ctx, f.sanne, f.ws, it.ID, "case_notes", "Nieuw", cur.Version); status(err) != 404 {
				t.Fatalf("a contributor who is not invited: %v, want 404", err)
			}
		})
	})
}
