//! What sits beside the reader: the entity list and the chosen entity's card (with the
//! user's authority file), corrections and the user dictionary,
//! exports, the article's distinctive words, and the line that says what is saved.

pub mod corrections;
pub mod document_words;
pub mod entities;
pub mod entity_card;
pub mod export_bar;
pub mod saved_note;
pub mod type_guess;
