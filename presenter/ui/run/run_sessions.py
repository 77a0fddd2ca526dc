"""The run windows' side of sessions: opening another one, the agenda editor, the
PowerPoint export and import, and the invitation and handout.

Mixed into `RunWindows`; it uses the windows' `controller`, `presenter`, `settings`,
`session_path`, `wall` and `status`. Dialogs, the editor and PowerPoint are imported where
they are first opened, so the windows come up without them.
"""

from __future__ import annotations

from pathlib import Path

from presenter.agenda.model import Session
from presenter.timing import RunState


class SessionWiring:
    """Another session, the agenda editor and decks; a running session keeps its plan."""

    def _connect_sessions(self) -> None:
        act = self.registry.action
        act("edit_agenda").triggered.connect(self.edit_agenda)
        act("open_session").triggered.connect(self.ask_open_session)
        act("export_deck").triggered.connect(self.export_deck)
        act("import_deck").triggered.connect(self.import_deck)
        act("invite").triggered.connect(self.invite)
        act("handout").triggered.connect(self.handout)

    def export_deck(self) -> None:
        from presenter.ui.editor import deck_actions

        deck_actions.export(self.presenter, self.controller.clock.plan, self.wall().date())

    def import_deck(self) -> None:
        from presenter.ui.editor import deck_actions

        deck_actions.import_(self.presenter, self.open_session)

    def invite(self) -> None:
        """Session › Invite…: the invitation to one of this session's runs."""
        from presenter.ui.attendance import evidence_actions

        store = self.attendance_store or self.open_attendance(clock=self.wall)
        runs = store.runs() if store is not None else []
        if store is not None and store is not self.attendance_store:
            store.close()
        evidence_actions.invite(self.presenter, self.controller.session, runs, self.wall().date())

    def handout(self) -> None:
        from presenter.ui.attendance import evidence_actions

        evidence_actions.handout(self.presenter, self.controller.session)

    def ask_open_session(self) -> None:
        from presenter.ui.shared.file_dialogs import FileDialogs

        folder = str(self.session_path.parent) if self.session_path else ""
        path = FileDialogs.open_session(self.presenter, folder)
        if path is not None:
            self.open_session_file(path)

    def open_session_file(self, path: Path) -> bool:
        from presenter.agenda.problems import SessionFileError
        from presenter.agenda.reader import load_session
        from presenter.ui.shared.dialogs import ProblemsDialog

        try:
            session, _warnings = load_session(path)
        except SessionFileError as exc:
            ProblemsDialog.show_problems(
                self.presenter, "This file cannot be opened", [str(p) for p in exc.problems]
            )
            return False
        except OSError as exc:
            ProblemsDialog.show_problems(
                self.presenter, "This file cannot be opened", [f"{path}: {exc.strerror or exc}"]
            )
            return False
        if self.open_session(session):
            self.session_path = Path(path)
            self.settings.add_recent_file(path)
            return True
        return False

    def open_session(self, session: Session) -> bool:
        """Run a different session; refused once this run has started."""
        from presenter.ui.shared.dialogs import ProblemsDialog

        if not session.items:
            self.status("That session has no agenda items yet")
            return False
        if self.controller.state is not RunState.BEFORE_START:
            ProblemsDialog.show_problems(
                self.presenter,
                "The session is running",
                ["A running session is not replaced. End it first, then open the other one."],
            )
            return False
        return self.controller.replace_session(session)

    def edit_agenda(self) -> None:
        from presenter.ui.editor.editor_window import AgendaEditor

        if self.editor is None:
            self.editor = AgendaEditor(self.controller.session, self.session_path, self.settings)
            self.editor.session_changed.connect(self._edited)
            self.editor.saved.connect(self._editor_saved)
        self.editor.show()
        self.editor.raise_()
        self.editor.activateWindow()

    def _edited(self, session: Session) -> None:
        """Before the start the run follows the editor live; once running the plan stays."""
        if self.controller.state is RunState.BEFORE_START and session.items:
            self.controller.replace_session(session)
        elif self.controller.state is not RunState.BEFORE_START:
            self.status("The running session keeps its plan; edits apply to the next run")

    def _editor_saved(self, path: Path) -> None:
        if self.controller.state is RunState.BEFORE_START:
            self.session_path = path
