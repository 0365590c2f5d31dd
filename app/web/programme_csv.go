package web

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/service"
)

// programmeCSV sends the programme overview, with the page's year, filter
// and order, as a CSV file: the same rows and figures as the page.
func (s *Server) programmeCSV(c *fiber.Ctx) error {
	year, err := service.ParseYear(c.Query("year"))
	if err != nil {
		return err
	}
	f, sort := programmeFilter(c)
	o, err := s.svc.ProgrammeOverview(c.UserContext(), currentUser(c), year, f, sort)
	if err != nil {
		return err
	}
	t := s.translator(c)
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(&buf)
	header := []string{t.Get("programme.col.name"), t.Get("programme.col.kind"), t.Get("programme.col.region"),
		t.Get("programme.csv.plan"), t.Get("programme.col.progress"), t.Get("programme.csv.actions")}
	for _, st := range model.ActionStatuses {
		header = append(header, t.Enum("action_status", st))
	}
	header = append(header, t.Get("programme.col.overdue"), t.Get("programme.col.activity"),
		t.Get("programme.col.trainings", "Year", year), t.Get("programme.col.coverage"),
		t.Get("programme.csv.uncovered"), t.Get("programme.col.advice"))
	if err := w.Write(header); err != nil {
		return err
	}
	for i := range o.Rows {
		if err := w.Write(programmeRecord(t, &o.Rows[i])); err != nil {
			return err
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	file := t.Get("programme.csv.file") + "-" + strconv.Itoa(year) + "-" + time.Now().In(i18n.Amsterdam()).Format(time.DateOnly) + ".csv"
	c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="`+file+`"`)
	return c.Send(buf.Bytes())
}

// programmeRecord is one row of the overview as a CSV record; what people
// typed (names, titles, regions) is defused against spreadsheet formulas.
// A workspace without a plan has empty plan cells.
func programmeRecord(t *i18n.Translator, r *service.ProgrammeRow) []string {
	rec := []string{spreadsheetSafe(r.Name), t.Enum("workspace_kind", r.Kind), spreadsheetSafe(r.Region)}
	if r.Plan == nil {
		rec = append(rec, "", "", "")
		for range model.ActionStatuses {
			rec = append(rec, "")
		}
		rec = append(rec, "")
	} else {
		rec = append(rec, spreadsheetSafe(r.Plan.Title), strconv.Itoa(r.Progress), strconv.Itoa(r.Actions))
		for _, st := range model.ActionStatuses {
			rec = append(rec, strconv.Itoa(r.Statuses[st]))
		}
		rec = append(rec, strconv.Itoa(r.Overdue))
	}
	rec = append(rec, r.LastActivity, strconv.Itoa(r.Trainings))
	if r.Plan == nil {
		rec = append(rec, "", "")
	} else {
		uncovered := make([]string, len(r.Uncovered))
		for i, a := range r.Uncovered {
			uncovered[i] = strconv.Itoa(int(a))
		}
		rec = append(rec, strconv.Itoa(r.Covered()), strings.Join(uncovered, " "))
	}
	return append(rec, strconv.Itoa(r.OpenAdvice))
}
