/**
 * What a report view can ask of the shell around it. Components call these instead of browser
 * APIs, so they render and run in tests with a mock (the Dark Reader pattern).
 */
export interface ReportActions {
  /** Put text on the clipboard; rejects when the browser refuses. */
  copy(text: string): Promise<void>;
}
