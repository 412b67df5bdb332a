import { describe, expect, it } from 'vitest';
import { contextMenuItems } from '../../../electron/shell/context-menu';

const flags = { canCut: true, canCopy: false, canPaste: true };

describe('contextMenuItems', () => {
  it('offers Cut, Copy and Paste on a text field, enabled as Chromium says', () => {
    expect(contextMenuItems({ isEditable: true, selectionText: '', editFlags: flags })).toEqual([
      { role: 'cut', label: 'Cut', enabled: true },
      { role: 'copy', label: 'Copy', enabled: false },
      { role: 'paste', label: 'Paste', enabled: true },
    ]);
  });

  it('offers Copy on selected text outside a field, and nothing elsewhere', () => {
    expect(contextMenuItems({ isEditable: false, selectionText: 'Priya', editFlags: flags })).toEqual([
      { role: 'copy', label: 'Copy', enabled: true },
    ]);
    expect(contextMenuItems({ isEditable: false, selectionText: '  ', editFlags: flags })).toBeNull();
  });
});
