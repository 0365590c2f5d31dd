package service

import "context"

// CheckStoredText is the guard's answer on text that is stored already, as
// a field of the workspace (and, if not 0, of the meeting) would give it
// when the text were typed anew; guest says it is a guest's name, strict
// that it is case notes.
func (s *Service) CheckStoredText(ctx context.Context, workspaceID, meetingID int64, text string, guest, strict bool) (*GuardedField, error) {
	g := s.guard(ctx, s.DB, workspaceID, meetingID)
	var h *GuardedField
	if guest {
		h = g.checkGuestName(ctx, "text", text)
	} else {
		h = g.check(ctx, "text", text, "", strict)
	}
	return h, g.failed
}
