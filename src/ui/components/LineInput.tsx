import { Text, useInput } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { clip } from '../../format/clip.js';
import { escapeText } from '../../format/escapeBytes.js';
import { isControlSequence } from '../keymap.js';
import { theme } from '../theme.js';
import { typeKeys } from '../typedText.js';

interface Props {
  label: string;
  initial: string;
  width: number;
  error: string | null;
  /** At most this many characters are held; more is left out and `fullNote` says so. */
  maxLength: number;
  fullNote: string;
  /** `overflowed`: the text was longer than `maxLength`, so `value` is only its start. */
  onSubmit(value: string, overflowed: boolean): void;
  onCancel(): void;
  onQuit(): void;
  /** Keys typed before the box was drawn, raw: taken as typed, as they grow. */
  typed?: string;
}

/**
 * One line of text that owns every key while open (typing q does not quit). Shows only
 * the tail that fits, so a pasted megabyte stays one line.
 */
export function LineInput({
  label,
  initial,
  width,
  error,
  maxLength,
  fullNote,
  onSubmit,
  onCancel,
  onQuit,
  typed = '',
}: Props) {
  // Keys can arrive faster than React re-renders: the ref always holds every key so far.
  const text = useRef(initial.slice(0, maxLength));
  const overflowed = useRef(initial.length > maxLength);
  const [value, setShown] = useState(text.current);
  const [full, setFull] = useState(overflowed.current);
  const setValue = (v: string) => {
    if (v.length > maxLength) overflowed.current = true;
    else if (v === '') overflowed.current = false;
    text.current = v.slice(0, maxLength);
    setShown(text.current);
    setFull(overflowed.current);
  };
  const submit = (v: string) => {
    const over = overflowed.current || v.length > maxLength;
    overflowed.current = false;
    setFull(false);
    onSubmit(v.slice(0, maxLength), over);
  };
  // Keys typed before the box listens reach the app, which keeps them in `typed`: take each
  // new part as typed here.
  const typedSeen = useRef(0);
  const take = (chunk: string) => {
    const r = typeKeys(text.current, chunk, maxLength);
    for (const line of r.submitted) submit(line);
    if (r.cancelled) return onCancel();
    setValue(r.text);
  };
  useEffect(() => {
    // Emptied (an error shown): what comes next is new.
    if (typed.length < typedSeen.current) typedSeen.current = 0;
    if (typed.length === typedSeen.current) return;
    const chunk = typed.slice(typedSeen.current);
    typedSeen.current = typed.length;
    take(chunk);
  }, [typed]);
  useInput((input, key) => {
    if (isControlSequence(input)) return; // a terminal's answer (DA, DSR) is not typed text
    if (key.ctrl && input === 'c') return onQuit();
    // Esc followed quickly by a key arrives as meta+key: still a way out.
    if (key.escape || key.meta) return onCancel();
    if (key.return) return submit(text.current);
    if (key.backspace || key.delete) return setValue(text.current.slice(0, -1));
    if (key.ctrl && input === 'u') return setValue('');
    if (key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.tab || key.ctrl)
      return;
    if (!input) return;
    // Fast typing and pastes arrive as one chunk; a line break in it is Enter, as in a shell.
    // A paste past the limit is cut as it arrives: nothing beyond it is ever concatenated.
    take(input);
  });
  // The error or the "box is full" note must show, so a long typed tail makes room for it
  // (keeping 16 characters of what was typed: the end of a short value stays readable).
  const note = error ? escapeText(clip(error, width)) : full ? fullNote : '';
  const free = Math.max(8, width - label.length - 4);
  const room = note ? Math.min(free, Math.max(16, free - [...note].length - 1)) : free;
  // Escape only the end that can show: escaping a pasted megabyte on every chunk of the
  // paste made it quadratic. (room chars escape to at least room chars.)
  const shown = escapeText(value.length > room ? value.slice(-room) : value);
  const tail = value.length > room || shown.length > room ? `…${shown.slice(-(room - 1))}` : shown;
  return (
    <Text wrap="truncate">
      <Text bold color={theme.accent}>
        {label}
      </Text>{' '}
      {tail}
      <Text inverse> </Text>
      {note ? <Text color={error ? theme.error : theme.warn}> {note}</Text> : null}
    </Text>
  );
}
