import { parseEndpoint } from '../cli/endpoint.js';
import { parseEscapes } from '../core/parseEscapes.js';
import type { ActionContext } from './actions.js';
import type { Prompt } from './uiState.js';

/** Act on what was typed. Returns an error to show under the prompt, or null when done. */
export function submitPrompt(p: Prompt, value: string, ctx: ActionContext): string | null {
  const { lab, set } = ctx;
  switch (p.kind) {
    case 'listen': {
      const e = parseEndpoint(value);
      if (!e.ok) return e.error;
      const id = lab.listen(e.value.host, e.value.port);
      set({ prompt: null, status: `listener #${id} starting on ${value.trim()}` });
      return null;
    }
    case 'target': {
      const e = parseEndpoint(value);
      if (!e.ok) return e.error;
      const id = lab.connect(e.value.host, e.value.port);
      set({ prompt: null, clientId: id, focus: 'client', status: `client #${id} connecting` });
      return null;
    }
    case 'message':
    case 'server-send': {
      if (value === '') return 'type a message (escapes: \\n \\r \\t \\\\ \\xNN), Esc to leave';
      const bytes = parseEscapes(value);
      if (!bytes.ok) return bytes.error;
      if (p.connection === null || !lab.send(p.connection, bytes.bytes)) {
        set({ prompt: null, status: `#${p.connection} is closed: nothing sent` });
        return null;
      }
      // Stay open like a chat box; a fresh prompt object clears the text.
      set({
        prompt: { ...p, initial: '', error: null, autoSubmit: false, serial: p.serial + 1 },
        status: `sent ${bytes.bytes.length} B to #${p.connection}`,
      });
      return null;
    }
  }
}
