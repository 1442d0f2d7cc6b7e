// The widget's UI is a dynamic import() of mount(); transform it once before a file's tests
// so the first open does not race Testing Library's 1 s query timeout on a busy machine.
export {};

await import('../../src/ui/index');
