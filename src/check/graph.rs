//! The step graph of a flow being checked: resolved edges only, by step index.

use super::references::{Ids, targets};
use crate::raw::RawFlow;

/// Successors of each step, in file order, without the references that did not resolve.
pub struct Graph {
    /// `successors[i]`: the steps step `i` can lead to.
    pub successors: Vec<Vec<usize>>,
    /// The first step, when `start` resolved.
    pub start: Option<usize>,
}

impl Graph {
    /// The graph of `raw`.
    pub fn of(raw: &RawFlow, ids: &Ids) -> Graph {
        let successors = raw
            .steps
            .iter()
            .map(|step| {
                let mut next: Vec<usize> = targets(step)
                    .into_iter()
                    .filter_map(|(_, t)| ids.get(&t.value))
                    .collect();
                next.dedup();
                next
            })
            .collect();
        Graph {
            successors,
            start: ids.get(&raw.start.value),
        }
    }

    /// How many steps.
    pub fn step_count(&self) -> usize {
        self.successors.len()
    }

    /// Predecessors of each step.
    pub fn predecessors(&self) -> Vec<Vec<usize>> {
        let mut all = vec![Vec::new(); self.step_count()];
        for (from, next) in self.successors.iter().enumerate() {
            for to in next {
                all[*to].push(from);
            }
        }
        all
    }

    /// The steps reachable from `start`, as a mask.
    pub fn reachable(&self) -> Vec<bool> {
        let mut seen = vec![false; self.step_count()];
        let mut stack: Vec<usize> = self.start.into_iter().collect();
        while let Some(step) = stack.pop() {
            if std::mem::replace(&mut seen[step], true) {
                continue;
            }
            stack.extend(self.successors[step].iter().filter(|s| !seen[**s]));
        }
        seen
    }

    /// Strongly connected components (Tarjan), each a sorted list of step indexes, in a
    /// deterministic order.
    pub fn components(&self) -> Vec<Vec<usize>> {
        let mut tarjan = Tarjan {
            graph: self,
            index: vec![None; self.step_count()],
            low: vec![0; self.step_count()],
            on_stack: vec![false; self.step_count()],
            stack: Vec::new(),
            next_index: 0,
            components: Vec::new(),
        };
        for step in 0..self.step_count() {
            if tarjan.index[step].is_none() {
                tarjan.visit(step);
            }
        }
        let mut components = tarjan.components;
        for component in &mut components {
            component.sort_unstable();
        }
        components.sort();
        components
    }
}

struct Tarjan<'g> {
    graph: &'g Graph,
    index: Vec<Option<usize>>,
    low: Vec<usize>,
    on_stack: Vec<bool>,
    stack: Vec<usize>,
    next_index: usize,
    components: Vec<Vec<usize>>,
}

impl Tarjan<'_> {
    /// Iterative depth-first visit, so a long flow cannot overflow the call stack.
    fn visit(&mut self, root: usize) {
        let mut work: Vec<(usize, usize)> = vec![(root, 0)];
        self.open(root);
        while let Some((node, child)) = work.pop() {
            if let Some(&next) = self.graph.successors[node].get(child) {
                work.push((node, child + 1));
                match self.index[next] {
                    None => {
                        self.open(next);
                        work.push((next, 0));
                    }
                    Some(index) if self.on_stack[next] => {
                        self.low[node] = self.low[node].min(index);
                    }
                    Some(_) => {}
                }
                continue;
            }
            if let Some(&(parent, _)) = work.last() {
                self.low[parent] = self.low[parent].min(self.low[node]);
            }
            if Some(self.low[node]) == self.index[node] {
                let mut component = Vec::new();
                while let Some(member) = self.stack.pop() {
                    self.on_stack[member] = false;
                    component.push(member);
                    if member == node {
                        break;
                    }
                }
                self.components.push(component);
            }
        }
    }

    fn open(&mut self, node: usize) {
        self.index[node] = Some(self.next_index);
        self.low[node] = self.next_index;
        self.next_index += 1;
        self.stack.push(node);
        self.on_stack[node] = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(successors: Vec<Vec<usize>>) -> Graph {
        Graph {
            successors,
            start: Some(0),
        }
    }

    #[test]
    fn components_group_cycles() {
        let g = graph(vec![vec![1], vec![2], vec![1, 3], vec![]]);
        assert_eq!(g.components(), vec![vec![0], vec![1, 2], vec![3]]);
    }

    #[test]
    fn reachable_follows_edges_from_start() {
        let g = graph(vec![vec![1], vec![], vec![1]]);
        assert_eq!(g.reachable(), vec![true, true, false]);
    }
}
