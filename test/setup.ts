// Ink asks is-in-ci once at import and then prints only the final frame; tests watch live frames.
// is-in-ci looks at both variables.
delete process.env.CI;
delete process.env.CONTINUOUS_INTEGRATION;
