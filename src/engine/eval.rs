//! Flow expressions, compiled once per engine, and the variables a run evaluates them against.

use crate::flow::{Expr, Flow, StepKind};
use minijinja::{Environment, Expression, Value};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, OnceLock};

/// The shared expression environment: it has no per-run state, so one serves every engine and
/// compiled expressions can borrow it for `'static`.
fn environment() -> &'static Environment<'static> {
    static ENVIRONMENT: OnceLock<Environment<'static>> = OnceLock::new();
    ENVIRONMENT.get_or_init(crate::expr::environment)
}

/// One expression of the flow, compiled.
pub(crate) struct CompiledExpr {
    /// As written in the flow.
    pub source: String,
    compiled: Result<Expression<'static, 'static>, String>,
    /// `pagina.order.id`-like expressions, the most common, read without the template VM.
    path: Option<Vec<String>>,
    /// The variables it reads, to tell when an argument comes from a secret (D12).
    reads: BTreeSet<String>,
}

impl CompiledExpr {
    fn new(expr: &Expr) -> CompiledExpr {
        let compiled = environment()
            .compile_expression_owned(expr.source.clone())
            .map_err(|error| error.to_string());
        let reads = match &compiled {
            Ok(expression) => expression.undeclared_variables(false).into_iter().collect(),
            Err(_) => BTreeSet::new(),
        };
        CompiledExpr {
            source: expr.source.clone(),
            path: dotted_path(&expr.source),
            compiled,
            reads,
        }
    }

    /// Its value in `scope`; `Err` says why it has none (an undefined variable, a type error).
    pub fn eval(&self, scope: &Scope) -> Result<Value, String> {
        if let Some(path) = &self.path {
            return self.lookup(path, scope);
        }
        match &self.compiled {
            Ok(expression) => expression
                .eval(scope.context())
                .map_err(|error| format!("`{}`: {error}", self.source)),
            Err(why) => Err(format!("`{}` does not compile: {why}", self.source)),
        }
    }

    /// A dotted path's value; like the strict environment, a missing part is an error.
    fn lookup(&self, path: &[String], scope: &Scope) -> Result<Value, String> {
        let undefined = |upto: usize| {
            format!(
                "`{}`: undefined value: `{}` is not set",
                self.source,
                path[..=upto].join(".")
            )
        };
        let mut value = scope
            .values
            .get(&path[0])
            .cloned()
            .ok_or_else(|| undefined(0))?;
        for (i, name) in path.iter().enumerate().skip(1) {
            value = value
                .get_attr(name)
                .ok()
                .filter(|found| !found.is_undefined())
                .ok_or_else(|| undefined(i))?;
        }
        Ok(value)
    }

    /// True when it reads a variable that holds a secret answer.
    pub fn reads_secret(&self, scope: &Scope) -> bool {
        self.reads.iter().any(|name| scope.secrets.contains(name))
    }
}

/// The parts of `source` when it is only names joined by dots (`pagina.order.id`).
fn dotted_path(source: &str) -> Option<Vec<String>> {
    let is_name = |part: &str| {
        let mut chars = part.chars();
        chars
            .next()
            .is_some_and(|first| first.is_ascii_alphabetic() || first == '_')
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
    };
    let parts: Vec<String> = source.trim().split('.').map(str::to_owned).collect();
    // Keywords read as literals, not variables.
    let literal = matches!(
        parts[0].as_str(),
        "true" | "false" | "none" | "True" | "False" | "None"
    );
    (!literal && parts.iter().all(|part| is_name(part))).then_some(parts)
}

/// The compiled expressions of one step.
#[derive(Default)]
pub(crate) struct StepExpressions {
    /// The `if` condition.
    pub condition: Option<CompiledExpr>,
    /// The `call` arguments, in parameter order.
    pub args: Vec<(String, CompiledExpr)>,
    /// The `expect` expressions.
    pub expect: Vec<CompiledExpr>,
}

/// Every expression of a flow, by step index.
pub(crate) struct Compiled {
    steps: Vec<StepExpressions>,
}

impl Compiled {
    /// Compiles every expression of `flow`. One that does not compile (the checker lets none
    /// through) fails only the run that reaches it, with a message.
    pub fn new(flow: &Flow) -> Compiled {
        let steps = flow
            .steps
            .iter()
            .map(|step| {
                let mut expressions = StepExpressions {
                    expect: step.expect.iter().map(CompiledExpr::new).collect(),
                    ..StepExpressions::default()
                };
                match &step.kind {
                    StepKind::If { condition, .. } => {
                        expressions.condition = Some(CompiledExpr::new(condition));
                    }
                    StepKind::Call { args, .. } => {
                        expressions.args = args
                            .iter()
                            .map(|(name, expr)| (name.clone(), CompiledExpr::new(expr)))
                            .collect();
                    }
                    _ => {}
                }
                expressions
            })
            .collect();
        Compiled { steps }
    }

    /// The expressions of step `index`.
    pub fn step(&self, index: usize) -> &StepExpressions {
        &self.steps[index]
    }
}

/// The variables of a run: every `into` so far, plus `catalog`. Shared behind an `Arc` so each
/// evaluation borrows the map instead of copying it.
pub(crate) struct Scope {
    values: Arc<BTreeMap<String, Value>>,
    /// The same without the secret ones: what emails see (D12).
    visible: Arc<BTreeMap<String, Value>>,
    /// Variables holding a secret answer (D12).
    secrets: BTreeSet<String>,
}

impl Scope {
    /// A scope with only `catalog` set.
    pub fn new(catalog: Value) -> Scope {
        let mut values = BTreeMap::new();
        values.insert("catalog".to_owned(), catalog);
        let values = Arc::new(values);
        Scope {
            visible: Arc::clone(&values),
            values,
            secrets: BTreeSet::new(),
        }
    }

    /// Sets `name`, remembering whether it holds a secret.
    pub fn set(&mut self, name: &str, value: Value, secret: bool) {
        if secret {
            Arc::make_mut(&mut self.visible).remove(name);
            self.secrets.insert(name.to_owned());
        } else {
            Arc::make_mut(&mut self.visible).insert(name.to_owned(), value.clone());
            self.secrets.remove(name);
        }
        Arc::make_mut(&mut self.values).insert(name.to_owned(), value);
    }

    /// True when `text` is the value of a secret variable.
    pub fn is_secret_value(&self, text: &str) -> bool {
        self.secrets
            .iter()
            .filter_map(|name| self.values.get(name))
            .any(|value| value.as_str() == Some(text))
    }

    /// The context expressions are evaluated in.
    pub fn context(&self) -> Value {
        Value::from_dyn_object(Arc::clone(&self.values))
    }

    /// The context an email is rendered with: every variable but the secret ones (D12).
    pub fn email_context(&self) -> Value {
        Value::from_dyn_object(Arc::clone(&self.visible))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_dotted_names_take_the_fast_path() {
        assert_eq!(
            dotted_path(" pagina.order.id "),
            Some(vec!["pagina".into(), "order".into(), "id".into()])
        );
        assert_eq!(dotted_path("credenziali"), Some(vec!["credenziali".into()]));
        for other in [
            "a | length",
            "a[0]",
            "a.b > 0",
            "true",
            "none",
            "a..b",
            "1a",
            "",
        ] {
            assert_eq!(dotted_path(other), None, "{other}");
        }
    }

    fn expr(source: &str) -> CompiledExpr {
        CompiledExpr::new(&Expr {
            source: source.to_owned(),
            position: None,
        })
    }

    #[test]
    fn expressions_read_variables_and_the_catalog() {
        let mut scope = Scope::new(Value::from_serialize(serde_json::json!({
            "products": { "pec": { "auto_renew": true } }
        })));
        scope.set(
            "ordine",
            Value::from_serialize(serde_json::json!({"product": "pec"})),
            false,
        );
        let value = expr("catalog.products[ordine.product].auto_renew")
            .eval(&scope)
            .unwrap();
        assert!(value.is_true());
        assert!(expr("manca.campo").eval(&scope).is_err());
        assert_eq!(
            expr("ordine.product").eval(&scope).unwrap().as_str(),
            Some("pec")
        );
        let missing = expr("ordine.prodotto").eval(&scope).unwrap_err();
        assert!(
            missing.contains("`ordine.prodotto` is not set"),
            "{missing}"
        );
        assert!(expr("true").eval(&scope).unwrap().is_true());
        assert!(
            expr("ordine +")
                .eval(&scope)
                .unwrap_err()
                .contains("does not compile")
        );
    }

    #[test]
    fn secrets_are_tracked_and_left_out_of_emails() {
        let mut scope = Scope::new(Value::from(()));
        scope.set("numero_carta", Value::from("4242424242424242"), true);
        scope.set("scadenza", Value::from("12/30"), false);
        assert!(expr("numero_carta").reads_secret(&scope));
        assert!(!expr("scadenza").reads_secret(&scope));
        assert!(scope.is_secret_value("4242424242424242"));
        assert!(!scope.is_secret_value("12/30"));
        let email = scope.email_context();
        assert!(email.get_attr("numero_carta").unwrap().is_undefined());
        assert_eq!(email.get_attr("scadenza").unwrap().as_str(), Some("12/30"));
        // Set again from a plain answer, the variable is no longer secret.
        scope.set("numero_carta", Value::from("card-1"), false);
        assert!(!expr("numero_carta").reads_secret(&scope));
    }
}
