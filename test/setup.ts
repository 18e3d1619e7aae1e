// Ink reads CI once at import and then prints only the final frame; tests watch live frames.
process.env.CI = 'false';
delete process.env.CI;
