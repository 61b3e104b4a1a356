//! A located problem in an input file: stable code, plain message, hint; rendered with the
//! source line and a caret.

mod render;
mod suggest;

pub use suggest::did_you_mean;

use crate::source::Position;
use std::fmt;

/// The stable code of a diagnostic. The README documents each one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Code {
    /// F001: a step id referenced (`next`, `then`, `else`, an outcome, an answer, `start`) is not defined.
    UnknownStep,
    /// F002: two steps share an id.
    DuplicateId,
    /// F003: no path from `start` reaches the step.
    Unreachable,
    /// F004: no `end` step can be reached from the step.
    NoEnd,
    /// F005: steps that loop among themselves with no way out.
    EndlessCycle,
    /// F006: `call` names no known adapter operation.
    UnknownOperation,
    /// F007: a product not in the catalog.
    UnknownProduct,
    /// F008: an expression that does not compile.
    BadExpression,
    /// F009: a variable read on a path where it was never set.
    UnsetVariable,
    /// F010: an outcome of a `call` left unhandled.
    UnhandledOutcome,
    /// F011: a step with no kind, several kinds, or a field its kind does not take.
    StepShape,
    /// F012: an outcome name the operation or the engine does not know.
    UnknownOutcome,
    /// F013: a `call` argument missing or not taken by the operation.
    BadArgument,
    /// F014: an email template not in `flows/emails/`.
    UnknownTemplate,
    /// F015: a guide reference that is not a step of the guide's procedure.
    BadGuideRef,
    /// F100: the file is not valid YAML.
    Syntax,
    /// F101: a value of the wrong type.
    WrongType,
    /// F102: a key the format does not have.
    UnknownKey,
    /// F103: a key given twice in one mapping.
    DuplicateKey,
    /// F104: a required key is missing.
    MissingKey,
    /// F105: the file exceeds a limit (size, nesting, alias expansion).
    TooLarge,
    /// F106: the file is not UTF-8.
    Encoding,
    /// F107: the file is empty.
    Empty,
    /// F108: the file cannot be read.
    Io,
    /// F201: a world names a customer, service or card it does not define.
    UnknownReference,
    /// F202: a world defines the same id (or PEC login) twice.
    DuplicateEntry,
    /// F203: a world's card disagrees with its number (Luhn, last four, brand) or its expiry is not MM/YY.
    BadFixture,
}

impl Code {
    /// The code as printed (`F001`).
    pub fn as_str(self) -> &'static str {
        match self {
            Code::UnknownStep => "F001",
            Code::DuplicateId => "F002",
            Code::Unreachable => "F003",
            Code::NoEnd => "F004",
            Code::EndlessCycle => "F005",
            Code::UnknownOperation => "F006",
            Code::UnknownProduct => "F007",
            Code::BadExpression => "F008",
            Code::UnsetVariable => "F009",
            Code::UnhandledOutcome => "F010",
            Code::StepShape => "F011",
            Code::UnknownOutcome => "F012",
            Code::BadArgument => "F013",
            Code::UnknownTemplate => "F014",
            Code::BadGuideRef => "F015",
            Code::Syntax => "F100",
            Code::WrongType => "F101",
            Code::UnknownKey => "F102",
            Code::DuplicateKey => "F103",
            Code::MissingKey => "F104",
            Code::TooLarge => "F105",
            Code::Encoding => "F106",
            Code::Empty => "F107",
            Code::Io => "F108",
            Code::UnknownReference => "F201",
            Code::DuplicateEntry => "F202",
            Code::BadFixture => "F203",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem: what, where, and what to do about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Its stable code.
    pub code: Code,
    /// The file's display name.
    pub file: String,
    /// Where it starts, when known.
    pub position: Option<Position>,
    /// How many characters the caret underlines (at least one).
    pub width: usize,
    /// What is wrong, in plain words.
    pub message: String,
    /// What to do about it (`did you mean `prosegui`?`).
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A diagnostic with no position and no hint yet.
    pub fn new(code: Code, file: impl Into<String>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            file: file.into(),
            position: None,
            width: 1,
            message: message.into(),
            hint: None,
        }
    }

    /// Sets where it starts and how wide it is.
    pub fn at(mut self, position: Option<Position>, width: usize) -> Diagnostic {
        self.position = position;
        self.width = width.max(1);
        self
    }

    /// Sets the hint.
    pub fn hint(mut self, hint: impl Into<String>) -> Diagnostic {
        self.hint = Some(hint.into());
        self
    }
}
