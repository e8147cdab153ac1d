// jsdom lacks ResizeObserver, which Fluent UI components (MessageBar reflow) call on mount.
// Layout does not exist in jsdom either, so an observer that never fires is the faithful stand-in.
if (typeof window !== 'undefined' && !('ResizeObserver' in window)) {
  class NoLayoutResizeObserver {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  }
  Object.defineProperty(window, 'ResizeObserver', { value: NoLayoutResizeObserver, writable: true });
}
