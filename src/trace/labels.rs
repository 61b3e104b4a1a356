//! The UI labels of a step as events carry them: shared, so entering a step copies no text.

use serde::{Serialize, Serializer};
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// The labels the customer sees at a step (`Paga`, `Prosegui`), in Italian as the guide writes
/// them. Reads, compares and serialises as the list of labels.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Labels(Arc<[String]>);

impl From<Vec<String>> for Labels {
    fn from(labels: Vec<String>) -> Labels {
        Labels(labels.into())
    }
}

impl From<&[String]> for Labels {
    fn from(labels: &[String]) -> Labels {
        Labels(labels.into())
    }
}

impl Deref for Labels {
    type Target = [String];

    fn deref(&self) -> &[String] {
        &self.0
    }
}

impl fmt::Debug for Labels {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl Serialize for Labels {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_read_and_serialise_as_their_list() {
        let labels = Labels::from(vec!["Paga".to_owned(), "Prosegui".to_owned()]);
        assert_eq!(labels.len(), 2);
        assert_eq!(labels.clone(), labels);
        assert_eq!(format!("{labels:?}"), r#"["Paga", "Prosegui"]"#);
        assert_eq!(
            serde_json::to_string(&labels).unwrap(),
            r#"["Paga","Prosegui"]"#
        );
        assert!(Labels::default().is_empty());
    }
}
