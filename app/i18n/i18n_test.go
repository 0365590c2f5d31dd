package i18n_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"schakel/app/casus"
	"schakel/app/i18n"
	"schakel/app/model"
	"schakel/app/service"
)

// TestEveryMessageExistsInBothLanguages reads the message ids that the
// templates and the Go code name, and the enum values of the model, and
// wants each in Dutch and in English.
func TestEveryMessageExistsInBothLanguages(t *testing.T) {
	b, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	nl, en := b.MessageIDs("nl"), b.MessageIDs("en")
	for id := range nl {
		if !en[id] {
			t.Errorf("%s is in Dutch but not in English", id)
		}
	}
	for id := range en {
		if !nl[id] {
			t.Errorf("%s is in English but not in Dutch", id)
		}
	}

	used := map[string]string{}
	idPattern := regexp.MustCompile(`"((?:layout|nav|form|field|signin|workspaces|members|accounts|admin|notice|error|validation|plans|actions|history|conflict|live|meetings|agenda|casus|attendees|outcomes|export|calendar|audit|frontdoor|privacy|errorpage|textguard)\.[a-z_.]*[a-z_])"`)
	for _, root := range []string{"../../views", "../../app"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasSuffix(path, "_test.go") {
				return err
			}
			if !strings.HasSuffix(path, ".templ") && !strings.HasSuffix(path, ".go") {
				return nil
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			for _, m := range idPattern.FindAllStringSubmatch(string(src), -1) {
				used[m[1]] = path
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(used) < 50 {
		t.Fatalf("found only %d message ids in the code; the scan is broken", len(used))
	}
	for _, v := range model.Roles {
		used["role."+string(v)] = "model.Roles"
	}
	for _, v := range model.PlatformRoles {
		name := string(v)
		if name == "" {
			name = "none"
		}
		used["platform_role."+name] = "model.PlatformRoles"
	}
	for _, v := range model.WorkspaceKinds {
		used["workspace_kind."+string(v)] = "model.WorkspaceKinds"
	}
	for _, v := range model.OrganisationKinds {
		used["org_kind."+string(v)] = "model.OrganisationKinds"
	}
	for _, v := range model.Frameworks {
		used["framework."+string(v)] = "model.Frameworks"
	}
	for _, v := range model.FrameworkBoth.Themes() {
		used["theme."+string(v)] = "model.Framework.Themes"
	}
	for _, v := range model.ActionStatuses {
		used["action_status."+string(v)] = "model.ActionStatuses"
	}
	for _, v := range model.PlanStatuses {
		used["plan_status."+string(v)] = "model.PlanStatuses"
	}
	for _, v := range model.MeetingKinds {
		used["meeting_kind."+string(v)] = "model.MeetingKinds"
	}
	for _, v := range model.MeetingStates {
		used["meeting_state."+string(v)] = "model.MeetingStates"
	}
	for _, v := range model.ItemKinds {
		used["item_kind."+string(v)] = "model.ItemKinds"
	}
	for _, v := range model.OutcomeKinds {
		used["outcome_kind."+string(v)] = "model.OutcomeKinds"
	}
	for _, v := range []model.RSVP{model.RSVPComing, model.RSVPDeclined} {
		used["rsvp."+string(v)] = "model.RSVP"
	}
	for _, v := range []model.Presence{model.PresenceHere, model.PresenceAbsent} {
		used["presence."+string(v)] = "model.Presence"
	}
	for _, f := range service.MeetingFields {
		used["meetings.field."+f] = "service.MeetingFields"
	}
	for _, f := range service.ItemFields {
		used["agenda.field."+f] = "service.ItemFields"
	}
	for _, k := range []casus.Kind{casus.BSN, casus.BirthDate, casus.Postcode, casus.Phone, casus.Email, casus.IBAN, casus.Plate, casus.Name} {
		used["casus.kind."+string(k)] = "casus.Kind"
	}
	for _, k := range []casus.Kind{casus.BSN, casus.BirthDate, casus.Postcode, casus.Phone, casus.Email, casus.IBAN, casus.Plate,
		casus.Name, casus.Initials, casus.School, casus.Handle, casus.Street} {
		used["textguard.kind."+string(k)] = "views.GuardNote"
	}
	for _, l := range []string{"Upcoming", "Past"} {
		used["meetings.list."+l] = "pages/meeting_list"
		used["meetings.empty."+l] = "pages/meeting_list"
	}
	for _, v := range model.Rights {
		used["right."+strconv.Itoa(int(v))] = "model.Rights"
	}
	for _, f := range service.ActionFields {
		used["actions.field."+f] = "service.ActionFields"
	}
	for _, f := range append(service.PlanFields, "framework") {
		used["plans.field."+f] = "service.PlanFields"
	}
	for _, k := range []string{model.FieldCreated, model.FieldDeleted, model.FieldRestored} {
		used["history."+k[1:]] = "model.Field*"
	}
	for m := 1; m <= 12; m++ {
		used["month."+strconv.Itoa(m)] = "formatDate"
	}
	var missing []string
	for id, where := range used {
		if !nl[id] {
			missing = append(missing, id+" (used in "+where+")")
		}
	}
	sort.Strings(missing)
	for _, m := range missing {
		t.Errorf("no message %s", m)
	}
}

func TestTranslator(t *testing.T) {
	b, err := i18n.Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, lang, id string
		args           []any
		want           string
	}{
		{"Dutch", "nl", "nav.workspaces", nil, "Werkruimtes"},
		{"English", "en", "nav.workspaces", nil, "Workspaces"},
		{"unknown language falls back to Dutch", "fr", "nav.workspaces", nil, "Werkruimtes"},
		{"plural one", "nl", "workspaces.members", []any{"Count", 1}, "1 lid"},
		{"plural other", "en", "workspaces.members", []any{"Count", 3}, "3 members"},
		{"template data", "en", "members.role_of", []any{"Name", "Anna"}, "Role of Anna"},
		{"missing id shows the id", "nl", "no.such.message", nil, "no.such.message"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := b.Translator(tt.lang).Get(tt.id, tt.args...); got != tt.want {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}
