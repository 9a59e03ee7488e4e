// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test/render.js';
import { LanguageSwitch } from './LanguageSwitch.js';

describe('language switch', () => {
  it('switches the screen and tells the account (e-mails follow the language chosen on screen)', async () => {
    const chosen = vi.fn();
    renderWithProviders(<LanguageSwitch onChosen={chosen} />);
    await userEvent.click(await screen.findByText('EN'));
    expect(await screen.findByRole('radiogroup', { name: 'Language' })).toBeTruthy();
    expect(chosen).toHaveBeenCalledWith('en');
  });
});
